package ibinit.init.scales;

import ibinit.backend.Backend;
import ibinit.init.InitContext;
import ibinit.init.Initializer;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * NIO (GradCosine; Yang, Wang, Yuan, Lin, NeurIPS 2022): a base initializer's tensors rescaled,
 * one learned scale per tensor, to maximize the cosine similarity of the gradients of overlapping
 * sub-batches under a bound on their norm. Per step, on a batch split into D sub-batches with
 * gradients g_d: B-GN = mean_d ||g_d||, B-GC = mean over ordered pairs d != e of cos(g_d, g_e);
 * if B-GN &gt; gamma it minimizes B-GN (constraint step), else -B-GC - lambda sum_d ||g_d||
 * (objective step), through d obj / d s_k = &lt;grad_theta_k obj, theta0_k&gt;, where
 * grad_theta obj = sum_d H_d (d obj / d g_d) takes one exact Hessian-vector product per
 * sub-batch ({@link Sequential#hessianVector()}); then {@link RescaleAdam}.
 */
public final class Nio implements Initializer {
    private static final Logger LOG = Logger.getLogger(Nio.class.getName());

    private final Initializer base;
    private final NioOptions options;
    private ScaleTrace trace;

    public Nio(Initializer base, NioOptions options) {
        this.base = base;
        this.options = options;
    }

    @Override public String name() { return "nio"; }

    /** The last run's steps and scales (null before {@link #initialize}). */
    public ScaleTrace trace() { return trace; }

    @Override public Object report() { return trace; }

    @Override
    public void initialize(Sequential net, InitContext context) {
        base.initialize(net, context);
        trace = optimize(net, context.sample(), context.sampleLabels(), options, s -> LOG.info(s.line("nio", options.steps())));
    }

    /**
     * The typed entry point: learns the scales of {@code net}'s current parameters (the base
     * initialization) on batches of the sample {@code x} [n, features] with int32 {@code labels},
     * leaves the rescaled parameters in the network and returns the trace; {@code listener} sees
     * every step.
     */
    public static ScaleTrace optimize(Sequential net, Tensor x, Tensor labels, NioOptions o, Consumer<ScaleTrace.ScaleStep> listener) {
        long t0 = System.nanoTime();
        SampleBatches batches = new SampleBatches(x, labels);
        if (batches.size() < o.batch()) {
            throw new IllegalArgumentException("nio needs an initialization sample of at least batch = " + o.batch()
                    + " rows (--init-sample), got " + batches.size());
        }
        Backend b = net.backend();
        List<ScaleTrace.ScaleStep> steps = new ArrayList<>();
        try (ScaledParameters sp = new ScaledParameters(net, o.minScale());
             Work w = new Work(sp, b, o, x.cols())) {
            RescaleAdam adam = new RescaleAdam(o.tau(), sp.minScales());
            boolean[] active = sp.activeMask();
            for (int t = 1; t <= o.steps(); t++) {
                batches.next(w.x, w.y);
                Evaluation e = evaluate(net, sp, w, o, true);
                adam.step(sp.scales(), e.scaleGradient(), active, e.constraint());
                sp.apply();
                ScaleTrace.ScaleStep s = new ScaleTrace.ScaleStep(t, e.constraint() ? "constraint" : "objective", e.bgn(), e.bgc(),
                        Double.NaN, Double.NaN);
                steps.add(s);
                listener.accept(s);
            }
            return new ScaleTrace("nio", steps, scales(sp), (System.nanoTime() - t0) / 1e9);
        }
    }

    static Map<String, Double> scales(ScaledParameters sp) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < sp.size(); k++) m.put(sp.name(k), sp.scales()[k]);
        return m;
    }

    /** The metrics of one batch at the current scales, which step it takes, its objective and d obj / d s. */
    record Evaluation(double bgn, double bgc, boolean constraint, double objective, double[] scaleGradient) { }

    /** Buffers of one run: the batch, the D sub-batch gradients and the accumulated grad_theta obj. */
    static final class Work implements AutoCloseable {
        final Tensor x, y;
        final List<List<Tensor>> gradients = new ArrayList<>();
        final List<Tensor> accumulated;

        Work(ScaledParameters sp, Backend b, NioOptions o, int features) {
            x = b.zeros(o.batch(), features);
            y = b.allocate(Tensor.DType.I32, o.batch());
            for (int d = 0; d < o.subBatches(); d++) gradients.add(sp.newVector());
            accumulated = sp.newVector();
        }

        @Override
        public void close() {
            x.close();
            y.close();
        }
    }

    /**
     * One batch (in {@code w.x}, {@code w.y}) at the current parameters: the sub-batch gradients,
     * B-GN and B-GC, the step's objective and, when {@code wantGradient}, d obj / d s.
     */
    static Evaluation evaluate(Sequential net, ScaledParameters sp, Work w, NioOptions o, boolean wantGradient) {
        int count = o.subBatches();
        int[][] ranges = SubBatches.ranges(w.x.rows(), count, o.overlap());
        for (int d = 0; d < count; d++) {
            lossAndGradient(net, w, ranges[d]);
            sp.copyGradients(w.gradients.get(d));
        }
        double[][] gram = new double[count][count];
        double[] norm = new double[count];
        for (int d = 0; d < count; d++) {
            for (int e = d; e < count; e++) gram[d][e] = gram[e][d] = sp.dot(w.gradients.get(d), w.gradients.get(e));
            norm[d] = Math.sqrt(gram[d][d]);
            if (!(norm[d] > 0)) {
                throw new IllegalArgumentException("nio: the gradient of sub-batch " + d + " is " + norm[d]
                        + " (a dead or diverged network cannot be rescaled)");
            }
        }
        double bgn = 0, bgc = 0, normSum = 0;
        for (int d = 0; d < count; d++) {
            bgn += norm[d] / count;
            normSum += norm[d];
            for (int e = 0; e < count; e++) if (e != d) bgc += gram[d][e] / (norm[d] * norm[e]) / (count * (count - 1.0));
        }
        boolean constraint = bgn > o.gamma();
        double objective = constraint ? bgn : -bgc - o.lambda() * normSum;
        if (!wantGradient) return new Evaluation(bgn, bgc, constraint, objective, null);
        double[][] coefficients = constraint ? constraintCoefficients(norm) : objectiveCoefficients(gram, norm, o.lambda());
        // grad_theta obj = sum_d H_d u_d with u_d = sum_e c[d][e] g_e. The last sub-batch's pass is
        // still loaded, so it goes first; the others are run again.
        sp.zero(w.accumulated);
        for (int i = 0; i < count; i++) {
            int d = (count - 1 + i) % count;
            if (i > 0) lossAndGradient(net, w, ranges[d]);
            sp.setDirections(coefficients[d], w.gradients);
            net.hessianVector();
            sp.addHessianVector(1f, w.accumulated);
        }
        return new Evaluation(bgn, bgc, constraint, objective, sp.scaleGradient(w.accumulated));
    }

    private static void lossAndGradient(Sequential net, Work w, int[] range) {
        int n = range[1] - range[0];
        net.lossAndGradient(w.x.slice(range[0], n), w.y.slice(range[0], n));
    }

    /** d B-GN / d g_d = g_d / (D ||g_d||). */
    static double[][] constraintCoefficients(double[] norm) {
        int count = norm.length;
        double[][] c = new double[count][count];
        for (int d = 0; d < count; d++) c[d][d] = 1 / (count * norm[d]);
        return c;
    }

    /**
     * d(-B-GC - lambda sum ||g_d||) / d g_d, with d cos(g_d, g_e) / d g_d = g_e / (|g_d| |g_e|)
     * - G_de g_d / (|g_d|^3 |g_e|) and each unordered pair counted twice in the mean over ordered pairs.
     */
    static double[][] objectiveCoefficients(double[][] gram, double[] norm, double lambda) {
        int count = norm.length;
        double pairs = count * (count - 1.0);
        double[][] c = new double[count][count];
        for (int d = 0; d < count; d++) {
            c[d][d] = -lambda / norm[d];
            for (int e = 0; e < count; e++) {
                if (e == d) continue;
                c[d][e] -= 2 / pairs / (norm[d] * norm[e]);
                c[d][d] += 2 / pairs * gram[d][e] / (norm[d] * norm[d] * norm[d] * norm[e]);
            }
        }
        return c;
    }
}
