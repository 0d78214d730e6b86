package ibinit.init.sparse;

import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.init.InitContext;
import ibinit.init.InitMethod;
import ibinit.init.Initializers;
import ibinit.init.Initializer;
import ibinit.init.MethodSpec;
import ibinit.nn.Dense;
import ibinit.nn.Layer;
import ibinit.nn.Sequential;
import ibinit.rng.Streams;
import ibinit.sparse.SparseFiltering;
import ibinit.tensor.Tensor;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code sparse-filtering[:base=he,scale=row,iters=200]}: the base initializer sets every
 * parameter first; then each hidden dense layer, first to last, gets weights learned by sparse
 * filtering (Ngiam et al., NIPS 2011) on that layer's input for the initialization sample (the
 * data for layer 1, the previous layer's activations, already set, after that), one feature per
 * unit. Sparse filtering leaves each row's norm arbitrary, so the rows are rescaled:
 * <ul>
 *   <li>{@code scale=row} (default): each unit's pre-activation variance on the sample equals the
 *       mean per-unit variance the base initializer's weights give on the same input;</li>
 *   <li>{@code scale=layer}: rows to unit norm, then one factor for the layer so the mean per-unit
 *       variance matches (keeps the learned features' relative sizes: all equal);</li>
 *   <li>{@code scale=norm}: each row gets the norm of the base initializer's row (data-free).</li>
 * </ul>
 * The output layer and biases keep the base initializer's values; convolutional layers too.
 */
public final class SparseFilteringInit implements Initializer {
    private static final System.Logger LOG = System.getLogger(SparseFilteringInit.class.getName());
    public static final String NAME = "sparse-filtering";

    /** How learned rows are scaled. */
    public enum Scale { ROW, LAYER, NORM }

    private final Initializer base;
    private final Scale scale;
    private final int iterations;
    private final String text;

    public SparseFilteringInit(Initializer base, Scale scale, int iterations, String text) {
        if (iterations < 1) throw new IllegalArgumentException(NAME + ":iters must be >= 1, got " + iterations);
        this.base = base;
        this.scale = scale;
        this.iterations = iterations;
        this.text = text;
    }

    /** The registry entry ({@link ibinit.init.Initializers#METHODS}). */
    public static final InitMethod METHOD = new InitMethod(NAME, List.of("sf"), "base=M,scale=row|layer|norm,iters=N",
            "hidden dense layers learned by sparse filtering on their input (L-BFGS, N iterations, default 200), rows rescaled"
                    + " to the base method's output variance (M default he; scale rule default row)",
            (spec, settings) -> create(spec, base -> Initializers.create(base, settings)));

    /** From {@code sparse-filtering[:base=NAME,scale=row|layer|norm,iters=N]}; {@code bases} builds the base method. */
    public static SparseFilteringInit create(MethodSpec spec, Function<String, Initializer> bases) {
        spec.allowOnly(Set.of("base", "scale", "iters"));
        String baseName = spec.text("base", "he");
        if (baseName.startsWith(NAME) || baseName.equals("sf") || baseName.startsWith("sf:")) throw new IllegalArgumentException(NAME + ":base cannot be " + baseName);
        Scale scale = switch (spec.text("scale", "row").toLowerCase(Locale.ROOT)) {
            case "row" -> Scale.ROW;
            case "layer" -> Scale.LAYER;
            case "norm" -> Scale.NORM;
            default -> throw new IllegalArgumentException(NAME + ":scale must be row, layer or norm, got " + spec.text("scale", ""));
        };
        return new SparseFilteringInit(bases.apply(baseName), scale, spec.integer("iters", 200), spec.toString());
    }

    @Override public String name() { return NAME; }

    @Override public String toString() { return text; }

    @Override
    public void initialize(Sequential net, InitContext context) {
        base.initialize(net, context);
        Tensor sample = context.requireSample(NAME);
        List<Layer> layers = net.layers();
        int last = -1;
        for (int i = 0; i < layers.size(); i++) if (!layers.get(i).parameters().isEmpty()) last = i;
        for (int i = 0; i < last; i++) {
            if (!(layers.get(i) instanceof Dense dense)) continue;
            Tensor input = i == 0 ? sample : net.forwardPrefix(sample, i);
            Tensor h = input.rank() == 2 ? input : input.view(input.rows(), input.cols());
            learn(dense, h, Streams.sparseFilteringStart(context.random(), i), i);
        }
    }

    private void learn(Dense dense, Tensor h, RandomStream rs, int layerIndex) {
        Backend b = dense.weight().value().backend();
        int out = dense.out(), in = dense.in();
        float[] baseW = b.toFloatArray(dense.weight().value());
        double baseVariance = meanUnitVariance(b, h, dense.weight().value());
        long t0 = System.nanoTime();
        SparseFiltering.Result r = SparseFiltering.builder().features(out).iterations(iterations).random(rs).build().fit(h);
        float[] w = r.weights();
        switch (scale) {
            case NORM -> {
                for (int j = 0; j < out; j++) scaleRow(w, j, in, rowNorm(baseW, j, in) / rowNorm(w, j, in));
                b.copyFromArray(w, dense.weight().value());
            }
            case LAYER -> {
                for (int j = 0; j < out; j++) scaleRow(w, j, in, 1 / rowNorm(w, j, in));
                b.copyFromArray(w, dense.weight().value());
                double v = meanUnitVariance(b, h, dense.weight().value());
                requireAlive(v, layerIndex);
                b.scale((float) Math.sqrt(baseVariance / v), dense.weight().value());
            }
            case ROW -> {
                double[] v = unitVariances(b, h, w, out, in);
                for (int j = 0; j < out; j++) {
                    requireAlive(v[j], layerIndex);
                    scaleRow(w, j, in, Math.sqrt(baseVariance / v[j]));
                }
                b.copyFromArray(w, dense.weight().value());
            }
        }
        LOG.log(System.Logger.Level.DEBUG, String.format(Locale.ROOT, "sparse filtering layer %d (%d->%d): objective %.4g -> %.4g in %d iterations (%s), %.2f s",
                layerIndex, in, out, r.history().getFirst().objective(), r.objective(), r.history().size() - 1, r.stop(),
                (System.nanoTime() - t0) / 1e9));
    }

    private static void requireAlive(double v, int layerIndex) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(NAME + ": a unit of layer " + layerIndex + " has output variance " + v
                    + " on the sample; it cannot be rescaled");
        }
    }

    /** Per-unit variances of h w^T over the sample. */
    private static double[] unitVariances(Backend b, Tensor h, float[] w, int out, int in) {
        try (Tensor wt = b.fromArray(w, out, in); Tensor y = b.zeros(h.rows(), out)) {
            b.gemm(false, true, 1f, h, wt, 0f, y);
            return b.columnMeanVar(y, 0).variance();
        }
    }

    private static double meanUnitVariance(Backend b, Tensor h, Tensor w) {
        try (Tensor y = b.zeros(h.rows(), w.dim(0))) {
            b.gemm(false, true, 1f, h, w, 0f, y);
            double[] v = b.columnMeanVar(y, 0).variance();
            double s = 0;
            for (double e : v) s += e;
            return s / v.length;
        }
    }

    private static double rowNorm(float[] w, int j, int in) {
        double s = 0;
        for (int k = 0; k < in; k++) s += (double) w[j * in + k] * w[j * in + k];
        return Math.sqrt(s);
    }

    private static void scaleRow(float[] w, int j, int in, double factor) {
        for (int k = 0; k < in; k++) w[j * in + k] = (float) (w[j * in + k] * factor);
    }
}
