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
 *       applies to every layer, a list gives one per dense layer. Default: a = 1 in every layer,
 *       the configuration the paper's IBCI numbers come from (its Table 2 TIE column repeats
 *       Table 1's IBCI column);</li>
 *   <li>{@code scoring=authors|paper} (default authors), see {@link Scoring};</li>
 *   <li>{@code tie}: target information only, a = 1 in every layer (the paper's TIE ablation; the
 *       default, named);</li>
 *   <li>{@code iim}: input information only, a = 0 in every layer, the output layer included (the
 *       paper's IIM ablation);</li>
 *   <li>{@code code}: a = 0 in hidden layers and 1 in the output layer (the default of the authors'
 *       public code for a 2-layer MLP; hidden layers keep input information, the class-ordered
 *       output layer aims at the target);</li>
 *   <li>{@code rescale}: after each layer's election, scale its weights by one factor so that the
 *       mean variance of its outputs on the sample equals the mean over the candidate pool (the
 *       base initializer's output variance on the same input); the elected directions are kept.</li>
 * </ul>
 *
 * @param pool   0 for the default
 * @param alphas null for the default, else one value for every layer or one per layer
 */
public record IbciOptions(CandidateBase base, int pool, double[] alphas, Scoring scoring, boolean tie, boolean iim, boolean code,
                          boolean rescale) {
    public static final Set<String> KEYS = Set.of("base", "pool", "alpha", "scoring", "tie", "iim", "code", "rescale");

    public IbciOptions {
        if (pool < 0) throw new IllegalArgumentException("ibci: pool must be >= 1, got " + pool);
        int presets = (tie ? 1 : 0) + (iim ? 1 : 0) + (code ? 1 : 0);
        if (presets > 1) throw new IllegalArgumentException("ibci: tie, iim and code exclude each other");
        if (presets > 0 && alphas != null) {
            throw new IllegalArgumentException("ibci: alpha cannot be combined with " + (tie ? "tie" : iim ? "iim" : "code"));
        }
        if (alphas != null) {
            if (alphas.length == 0) throw new IllegalArgumentException("ibci: alpha needs at least one value");
            for (double a : alphas) {
                if (!(a >= 0 && a <= 1)) throw new IllegalArgumentException("ibci: alpha values must lie in [0, 1], got " + a);
            }
            alphas = alphas.clone();
        }
    }

    public static IbciOptions defaults() { return new IbciOptions(CandidateBase.XAVIER, 0, null, Scoring.AUTHORS, false, false, false, false); }

    public static IbciOptions parse(MethodSpec spec) {
        spec.allowOnly(KEYS);
        int pool = spec.integer("pool", 0);
        if (spec.options().containsKey("pool") && pool < 1) throw new IllegalArgumentException("ibci: pool must be >= 1, got " + pool);
        return new IbciOptions(CandidateBase.parse(spec.text("base", "xavier")), pool, parseAlphas(spec.options().get("alpha")),
                Scoring.parse(spec.text("scoring", "authors")), spec.flag("tie", false), spec.flag("iim", false), spec.flag("code", false),
                spec.flag("rescale", false));
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
        if (iim) return 0;
        if (code) return layer == layers - 1 ? 1 : 0;
        if (alphas == null) return 1; // the default and tie
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
                + (alphas == null ? "" : ",alpha=" + Arrays.toString(alphas)) + (tie ? ",tie" : "") + (iim ? ",iim" : "") + (code ? ",code" : "")
                + (rescale ? ",rescale" : "");
    }

    @Override public boolean equals(Object o) {
        return o instanceof IbciOptions x && base == x.base && pool == x.pool && Arrays.equals(alphas, x.alphas)
                && scoring == x.scoring && tie == x.tie && iim == x.iim && code == x.code && rescale == x.rescale;
    }

    @Override public int hashCode() { return Arrays.hashCode(alphas) * 31 + java.util.Objects.hash(base, pool, scoring, tie, iim, code, rescale); }
}
