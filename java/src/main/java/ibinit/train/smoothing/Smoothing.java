package ibinit.train.smoothing;

import ibinit.init.MethodSpec;
import ibinit.nn.Architecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A smoothing protocol, as written on the command line: {@code none}, or
 * {@code box[:key=value,...]}, the sampled box kernel (each step draws W' = W + dW with dW_j
 * uniform in [-R_i, R_i] for every weight of smoothed layer i, on the step's mini-batch):
 * <ul>
 *   <li>radii: {@code sigma=S} (default 0.01) gives R_i = (i - 1) S, i counting the smoothed
 *       layers from the input (the first is never perturbed); {@code radius=R} gives every smoothed
 *       layer R; {@code radii=R1;R2;...} one radius per smoothed layer;</li>
 *   <li>{@code layers=conv} (default: the weights of every convolution) or {@code layers=I;J;...}
 *       (weight layers counted from 1, dense or conv; never the last, the class scores);</li>
 *   <li>{@code k=K}: extra points per step (default 1);</li>
 *   <li>{@code estimator=mean|sample|entropy-sgd} ({@link Estimator}; default mean);</li>
 *   <li>{@code schedule=constant|exp|inv-sqrt} with {@code factor=F} (default 1/3) and
 *       {@code period=P} (default 10) for exp ({@link RadiusSchedule});</li>
 *   <li>entropy-sgd only: {@code inner=L} (20), {@code inner-lr=ETA} (0.1), {@code gamma=G0}
 *       (1e-4), {@code gamma-growth=G1} (1e-3): the inner loop's steps, rate and coupling
 *       gamma_t = G0 (1 + G1)^t, t the outer step.</li>
 * </ul>
 * Biases are never smoothed. {@link #text()} is the canonical form every result records.
 *
 * @param layers weight-layer indices from 1, or empty for every convolution
 * @param radii  explicit base radii (one applies to every smoothed layer), or empty for the sigma rule
 */
public record Smoothing(Estimator estimator, int points, double sigma, List<Double> radii, List<Integer> layers,
                        RadiusSchedule schedule, int innerSteps, double innerRate, double gamma, double gammaGrowth) {
    /** No smoothing: every step is the plain one. */
    public static final Smoothing NONE = new Smoothing(null, 0, 0, List.of(), List.of(), RadiusSchedule.CONSTANT, 0, 0, 0, 0);

    private static final Set<String> KEYS = Set.of("sigma", "radius", "radii", "layers", "k", "estimator", "schedule", "factor",
            "period", "inner", "inner-lr", "gamma", "gamma-growth");

    public Smoothing {
        radii = List.copyOf(radii);
        layers = List.copyOf(layers);
        if (estimator != null) {
            if (points < 1) throw new IllegalArgumentException("smoothing needs k >= 1 extra points, got " + points);
            if (!(sigma >= 0) || !Double.isFinite(sigma)) throw new IllegalArgumentException("smoothing sigma must be >= 0, got " + sigma);
            for (double r : radii) if (!(r >= 0) || !Double.isFinite(r)) throw new IllegalArgumentException("smoothing radii must be >= 0, got " + r);
            for (int l : layers) if (l < 1) throw new IllegalArgumentException("smoothing layers count from 1, got " + l);
            if (layers.stream().distinct().count() != layers.size()) throw new IllegalArgumentException("smoothing layers list a layer twice: " + layers);
            if (estimator == Estimator.ENTROPY_SGD) {
                if (innerSteps < 1) throw new IllegalArgumentException("entropy-sgd needs inner >= 1 steps, got " + innerSteps);
                if (!(innerRate > 0) || !(gamma >= 0) || !(gammaGrowth >= 0)) {
                    throw new IllegalArgumentException("entropy-sgd needs inner-lr > 0, gamma >= 0 and gamma-growth >= 0");
                }
            }
        }
    }

    public boolean enabled() { return estimator != null; }

    /** Parses {@code none} or {@code box[:key=value,...]}; a mistake is an IllegalArgumentException naming it. */
    public static Smoothing parse(String text) {
        MethodSpec m = MethodSpec.parse(text == null || text.isBlank() ? "none" : text);
        if (m.name().equals("none")) {
            m.allowOnly(Set.of());
            return NONE;
        }
        if (!m.name().equals("box")) throw new IllegalArgumentException("unknown smoothing '" + m.name() + "' (choose from none, box:...)");
        m.allowOnly(KEYS);
        if (m.options().containsKey("radius") && m.options().containsKey("radii")) {
            throw new IllegalArgumentException("smoothing takes radius=R or radii=R1;R2;..., not both");
        }
        if (m.options().containsKey("sigma") && (m.options().containsKey("radius") || m.options().containsKey("radii"))) {
            throw new IllegalArgumentException("smoothing takes sigma=S (R_i = (i-1) S) or explicit radius/radii, not both");
        }
        List<Double> radii = new ArrayList<>();
        if (m.options().containsKey("radius")) radii.add(m.number("radius", 0));
        if (m.options().containsKey("radii")) for (String r : m.text("radii", "").split(";")) radii.add(number("radii", r));
        List<Integer> layers = new ArrayList<>();
        String l = m.text("layers", "conv").trim().toLowerCase(Locale.ROOT);
        if (!l.equals("conv")) {
            for (String i : l.split(";")) {
                try {
                    layers.add(Integer.parseInt(i.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("smoothing layers=" + l + ": give conv or weight-layer numbers from 1, e.g. layers=2;3");
                }
            }
        }
        String kind = m.text("schedule", "constant");
        boolean exp = kind.trim().equalsIgnoreCase("exp");
        if (!exp && (m.options().containsKey("factor") || m.options().containsKey("period"))) {
            throw new IllegalArgumentException("smoothing factor and period apply to schedule=exp only");
        }
        RadiusSchedule schedule = exp ? RadiusSchedule.exponential(number("factor", m.text("factor", "1/3")), m.integer("period", 10))
                : new RadiusSchedule(kind, 1, 1);
        Estimator estimator = Estimator.parse(m.text("estimator", "mean"));
        boolean esgd = estimator == Estimator.ENTROPY_SGD;
        for (String k : List.of("inner", "inner-lr", "gamma", "gamma-growth")) {
            if (!esgd && m.options().containsKey(k)) throw new IllegalArgumentException("smoothing option " + k + " applies to estimator=entropy-sgd only");
        }
        if (esgd && m.options().containsKey("k")) throw new IllegalArgumentException("estimator=entropy-sgd takes inner=L steps, not k");
        return new Smoothing(estimator, esgd ? 1 : m.integer("k", 1), radii.isEmpty() ? m.number("sigma", 0.01) : 0, radii, layers,
                schedule, esgd ? m.integer("inner", 20) : 0, esgd ? m.number("inner-lr", 0.1) : 0,
                esgd ? m.number("gamma", 1e-4) : 0, esgd ? m.number("gamma-growth", 1e-3) : 0);
    }

    /** A number, or a fraction A/B (factor=1/3). */
    private static double number(String key, String v) {
        try {
            String t = v.trim();
            int slash = t.indexOf('/');
            return slash < 0 ? Double.parseDouble(t) : Double.parseDouble(t.substring(0, slash)) / Double.parseDouble(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("smoothing option " + key + " must be a number, got '" + v + "'");
        }
    }

    /** The canonical text, e.g. {@code box:sigma=0.01,schedule=exp,factor=0.3333333333333333,period=10}; parse(text()) equals this. */
    public String text() {
        if (!enabled()) return "none";
        List<String> p = new ArrayList<>();
        if (radii.isEmpty()) p.add("sigma=" + sigma);
        else p.add("radii=" + String.join(";", radii.stream().map(String::valueOf).toList()));
        if (!layers.isEmpty()) p.add("layers=" + String.join(";", layers.stream().map(String::valueOf).toList()));
        if (estimator != Estimator.ENTROPY_SGD) p.add("k=" + points);
        p.add("estimator=" + estimator.cliName);
        p.add("schedule=" + schedule.kind());
        if (schedule.kind().equals("exp")) {
            p.add("factor=" + schedule.factor());
            p.add("period=" + schedule.period());
        }
        if (estimator == Estimator.ENTROPY_SGD) {
            p.add("inner=" + innerSteps);
            p.add("inner-lr=" + innerRate);
            p.add("gamma=" + gamma);
            p.add("gamma-growth=" + gammaGrowth);
        }
        return "box:" + String.join(",", p);
    }

    /**
     * The weight layers (counted from 1) this protocol smooths in {@code arch}, first to last;
     * throws naming the problem when there are none, one is out of range, or one is the last layer.
     */
    public List<Integer> smoothedLayers(Architecture arch) {
        List<Integer> conv = new ArrayList<>();
        int weightLayers = 0;
        for (Architecture.LayerSpec s : arch.layers()) {
            if (s instanceof Architecture.PoolSpec) continue;
            weightLayers++;
            if (s instanceof Architecture.ConvSpec) conv.add(weightLayers);
        }
        if (!enabled()) return List.of();
        List<Integer> out = layers.isEmpty() ? conv : layers.stream().sorted().toList();
        if (out.isEmpty()) {
            throw new IllegalArgumentException("smoothing " + text() + ": " + arch.spec() + " has no convolution; name dense layers with layers=I;J");
        }
        for (int l : out) {
            if (l > weightLayers) throw new IllegalArgumentException("smoothing layer " + l + ": " + arch.spec() + " has " + weightLayers + " weight layers");
            if (l == weightLayers) throw new IllegalArgumentException("smoothing layer " + l + " is the last layer (the class scores), which is never smoothed");
        }
        if (radii.size() > 1 && radii.size() != out.size()) {
            throw new IllegalArgumentException("smoothing radii=" + radii + " gives " + radii.size() + " radii for " + out.size() + " smoothed layers " + out);
        }
        return out;
    }

    /** The base radius of each of {@code n} smoothed layers, first to last: (i - 1) sigma, or the explicit radii. */
    public double[] baseRadii(int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = radii.isEmpty() ? i * sigma : radii.size() == 1 ? radii.getFirst() : radii.get(i);
        return r;
    }

    /** The radii of {@code n} smoothed layers in epoch {@code t} (from 1): the base radii times the schedule's scale. */
    public double[] radiiAt(int t, int n) {
        double[] r = baseRadii(n);
        double s = schedule.scale(t);
        for (int i = 0; i < n; i++) r[i] *= s;
        return r;
    }
}
