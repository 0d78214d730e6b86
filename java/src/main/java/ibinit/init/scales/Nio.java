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

/**
 * NIO (GradCosine; Yang, Wang, Yuan, Lin, NeurIPS 2022): a base initializer's tensors rescaled,
 * one learned scale per tensor, to maximize the cosine similarity of the gradients of overlapping
 * sub-batches under a bound on their norm. Per step, on a batch split into D sub-batches with
 * gradients g_d: B-GN = mean_d ||g_d||, B-GC = mean over ordered pairs d != e of cos(g_d, g_e);
 * if B-GN &gt; gamma it minimizes B-GN (constraint step), else -B-GC - lambda sum_d ||g_d||
 * (objective step), through d obj / d s_k = &lt;grad_theta_k obj, theta0_k&gt;, where
 * grad_theta obj = sum_d H_d (d obj / d g_d) takes exact Hessian-vector products
 * ({@link Sequential#hessianVector()}), one per disjoint region of the batch ({@link #regions});
 * then {@link RescaleAdam}.
 */
public final class Nio implements Initializer {
    private static final System.Logger LOG = System.getLogger(Nio.class.getName());

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
        trace = optimize(net, context.sample(), context.sampleLabels(), options, s -> LOG.log(System.Logger.Level.INFO, s.line("nio", options.steps())));
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
            if (batches.size() < o.subBatches()) {
                throw new IllegalArgumentException("nio needs an initialization sample of at least D = " + o.subBatches() + " rows, got "
                        + batches.size());
            }
            LOG.log(System.Logger.Level.INFO, "nio: the initialization sample has " + batches.size() + " rows, fewer than a batch of " + o.batch()
                    + "; using batches of " + batches.size());
            o = new NioOptions(o.subBatches(), o.overlap(), o.steps(), o.gamma(), o.tau(), o.lambda(), o.minScale(), batches.size());
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

    /** Buffers of one run: the batch, one gradient per region of the batch, the accumulated grad_theta obj. */
    static final class Work implements AutoCloseable {
        final Tensor x, y;
        final int[][] regions;
        final List<List<Tensor>> gradients = new ArrayList<>();
        final List<Tensor> accumulated;

        Work(ScaledParameters sp, Backend b, NioOptions o, int features) {
            x = b.zeros(o.batch(), features);
            y = b.allocate(Tensor.DType.I32, o.batch());
            regions = regions(SubBatches.ranges(o.batch(), o.subBatches(), o.overlap()));
            for (int r = 0; r < regions.length; r++) gradients.add(sp.newVector());
            accumulated = sp.newVector();
        }

        @Override
        public void close() {
            x.close();
            y.close();
        }
    }

    /**
     * The batch cut at every sub-batch boundary into disjoint regions, so each sub-batch is a union
     * of regions and, with weight[r][d] = |region r| / |B_d| for r inside B_d (else 0), both its
     * gradient and its Hessian are weighted sums over regions: g_d = sum_r weight[r][d] g_r and
     * H_d = sum_r weight[r][d] H_r (of mean losses). So sum_d H_d u_d = sum_r H_r v_r with
     * v_r = sum_d weight[r][d] u_d: one pass and one Hessian-vector product per row of the batch
     * instead of per row of every (overlapping) sub-batch, exactly.
     */
    static int[][] regions(int[][] subBatches) {
        java.util.TreeSet<Integer> points = new java.util.TreeSet<>();
        for (int[] b : subBatches) {
            points.add(b[0]);
            points.add(b[1]);
        }
        Integer[] p = points.toArray(new Integer[0]);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < p.length; i++) {
            boolean covered = false;
            for (int[] b : subBatches) covered |= b[0] <= p[i] && p[i + 1] <= b[1];
            if (covered) out.add(new int[] {p[i], p[i + 1]});
        }
        return out.toArray(new int[0][]);
    }

    /** weight[r][d] = |region r| / |B_d| when region r lies inside sub-batch d, else 0. */
    static double[][] regionWeights(int[][] regions, int[][] subBatches) {
        double[][] w = new double[regions.length][subBatches.length];
        for (int r = 0; r < regions.length; r++) {
            for (int d = 0; d < subBatches.length; d++) {
                if (subBatches[d][0] <= regions[r][0] && regions[r][1] <= subBatches[d][1]) {
                    w[r][d] = (double) (regions[r][1] - regions[r][0]) / (subBatches[d][1] - subBatches[d][0]);
                }
            }
        }
        return w;
    }

    /**
     * One batch (in {@code w.x}, {@code w.y}) at the current parameters: the sub-batch gradients
     * (through the region gradients), B-GN and B-GC, the step's objective and, when
     * {@code wantGradient}, d obj / d s.
     */
    static Evaluation evaluate(Sequential net, ScaledParameters sp, Work w, NioOptions o, boolean wantGradient) {
        int count = o.subBatches();
        int[][] subBatches = SubBatches.ranges(w.x.rows(), count, o.overlap());
        int[][] regions = w.regions;
        int nr = regions.length;
        double[][] weight = regionWeights(regions, subBatches);
        // The largest region goes last: its pass stays loaded for its Hessian-vector product, so
        // only the smaller ones are run again below.
        Integer[] order = new Integer[nr];
        for (int r = 0; r < nr; r++) order[r] = r;
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(r -> regions[r][1] - regions[r][0]));
        for (int r : order) {
            lossAndGradient(net, w, regions[r]);
            sp.copyGradients(w.gradients.get(r));
        }
        double[][] regionGram = new double[nr][nr];
        for (int r = 0; r < nr; r++) {
            for (int q = r; q < nr; q++) regionGram[r][q] = regionGram[q][r] = sp.dot(w.gradients.get(r), w.gradients.get(q));
        }
        // G_de = <g_d, g_e> = sum_{r,q} weight[r][d] weight[q][e] <g_r, g_q>
        double[][] gram = new double[count][count];
        for (int d = 0; d < count; d++) {
            for (int e = 0; e < count; e++) {
                double sum = 0;
                for (int r = 0; r < nr; r++) for (int q = 0; q < nr; q++) sum += weight[r][d] * weight[q][e] * regionGram[r][q];
                gram[d][e] = sum;
            }
        }
        double[] norm = new double[count];
        for (int d = 0; d < count; d++) {
            norm[d] = Math.sqrt(Math.max(gram[d][d], 0));
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
        double[][] c = constraint ? constraintCoefficients(norm) : objectiveCoefficients(gram, norm, o.lambda());
        // u_d = sum_e c[d][e] g_e; v_r = sum_d weight[r][d] u_d = sum_q (W C W^T)[r][q] g_q.
        double[][] v = new double[nr][nr];
        for (int r = 0; r < nr; r++) {
            for (int q = 0; q < nr; q++) {
                double sum = 0;
                for (int d = 0; d < count; d++) for (int e = 0; e < count; e++) sum += weight[r][d] * c[d][e] * weight[q][e];
                v[r][q] = sum;
            }
        }
        // grad_theta obj = sum_r H_r v_r, starting with the region whose pass is still loaded.
        sp.zero(w.accumulated);
        for (int i = nr - 1; i >= 0; i--) {
            int r = order[i];
            if (i < nr - 1) lossAndGradient(net, w, regions[r]);
            sp.setDirections(v[r], w.gradients);
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
