package ibinit.init.ibci;

import ibinit.init.MethodSpec;
import java.util.Arrays;
import java.util.Set;

/**
 * The options of {@code ibci:key=value,...}:
 * <ul>
 *   <li>{@code base=xavier|he} (default xavier): the initializer candidates come from;</li>
 *   <li>{@code pool=K}: candidates per layer (default the authors' min(5 n_out, 1000), raised to
 *       n_out where that is larger);</li>
 *   <li>{@code alpha=a} or {@code alpha=a1;a2;...}: the weight of the target term in the score
 *       s = a acc + (1 - a) div (the authors' {@code a}; the paper's alpha_i is 1 - a). One value
 *       applies to every layer, a list gives one per dense layer. Default: 0 in hidden layers, 1 in
 *       the output layer (the authors' choice for a 2-layer MLP, kept for deeper nets: hidden layers
 *       keep input information, the class-ordered output layer aims at the target);</li>
 *   <li>{@code scoring=authors|paper} (default authors), see {@link Scoring};</li>
 *   <li>{@code tie}: target information only, a = 1 in every layer (the paper's TIE ablation);</li>
 *   <li>{@code iim}: input information only, a = 0 in every layer, the output layer included (the
 *       paper's IIM ablation; in hidden layers it equals the default).</li>
 * </ul>
 *
 * @param pool   0 for the default
 * @param alphas null for the default, else one value for every layer or one per layer
 */
public record IbciOptions(CandidateBase base, int pool, double[] alphas, Scoring scoring, boolean tie, boolean iim) {
    public static final Set<String> KEYS = Set.of("base", "pool", "alpha", "scoring", "tie", "iim");

    public IbciOptions {
        if (pool < 0) throw new IllegalArgumentException("ibci: pool must be >= 1, got " + pool);
        if (tie && iim) throw new IllegalArgumentException("ibci: tie and iim exclude each other");
        if ((tie || iim) && alphas != null) throw new IllegalArgumentException("ibci: alpha cannot be combined with " + (tie ? "tie" : "iim"));
        if (alphas != null) {
            if (alphas.length == 0) throw new IllegalArgumentException("ibci: alpha needs at least one value");
            for (double a : alphas) {
                if (!(a >= 0 && a <= 1)) throw new IllegalArgumentException("ibci: alpha values must lie in [0, 1], got " + a);
            }
            alphas = alphas.clone();
        }
    }

    public static IbciOptions defaults() { return new IbciOptions(CandidateBase.XAVIER, 0, null, Scoring.AUTHORS, false, false); }

    public static IbciOptions parse(MethodSpec spec) {
        spec.allowOnly(KEYS);
        int pool = spec.integer("pool", 0);
        if (spec.options().containsKey("pool") && pool < 1) throw new IllegalArgumentException("ibci: pool must be >= 1, got " + pool);
        return new IbciOptions(CandidateBase.parse(spec.text("base", "xavier")), pool, parseAlphas(spec.options().get("alpha")),
                Scoring.parse(spec.text("scoring", "authors")), spec.flag("tie", false), spec.flag("iim", false));
    }

    private static double[] parseAlphas(String text) {
        if (text == null) return null;
        String[] parts = text.split(";");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ibci: alpha must be a number or a ';'-separated list, got '" + text + "'");
            }
        }
        return out;
    }

    /** Candidates drawn for a layer of {@code nOut} neurons. */
    public int poolFor(int nOut) {
        if (pool == 0) return Math.max(nOut, Math.min(5 * nOut, 1000));
        if (pool < nOut) throw new IllegalArgumentException("ibci: pool=" + pool + " is smaller than a layer of " + nOut + " neurons");
        return pool;
    }

    /** The target weight a of dense layer {@code layer} of {@code layers}. */
    public double alphaFor(int layer, int layers) {
        boolean output = layer == layers - 1;
        if (tie) return 1;
        if (iim) return 0;
        if (alphas == null) return output ? 1 : 0;
        if (alphas.length == 1) return alphas[0];
        if (alphas.length != layers) {
            throw new IllegalArgumentException("ibci: alpha lists " + alphas.length + " values for a network of " + layers + " dense layers");
        }
        return alphas[layer];
    }

    @Override public double[] alphas() { return alphas == null ? null : alphas.clone(); }

    @Override
    public String toString() {
        return "ibci:base=" + base.cliName() + ",pool=" + (pool == 0 ? "auto" : pool) + ",scoring=" + scoring.name().toLowerCase(java.util.Locale.ROOT)
                + (alphas == null ? "" : ",alpha=" + Arrays.toString(alphas)) + (tie ? ",tie" : "") + (iim ? ",iim" : "");
    }

    @Override public boolean equals(Object o) {
        return o instanceof IbciOptions x && base == x.base && pool == x.pool && Arrays.equals(alphas, x.alphas)
                && scoring == x.scoring && tie == x.tie && iim == x.iim;
    }

    @Override public int hashCode() { return Arrays.hashCode(alphas) * 31 + java.util.Objects.hash(base, pool, scoring, tie, iim); }
}
