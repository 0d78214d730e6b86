package ibinit.init.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.backend.ref.ReferenceBackend;
import ibinit.init.BiasInit;
import ibinit.init.InitContext;
import ibinit.init.Initializers;
import ibinit.nn.Architecture;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseFilteringInitTest {
    private static final Backend B = new ReferenceBackend();
    private static final int ROWS = 150, IN = 12;

    private static float[] data() {
        Random r = new Random(4);
        float[] x = new float[ROWS * IN];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextGaussian() * (1 + i % IN * 0.2) + 0.3);
        return x;
    }

    /** Weights of every weight layer after initializing 12-8-6-3 with {@code method}, seed 5. */
    private static float[][] init(String method) {
        try (Sequential net = Sequential.build(B, Architecture.parse(IN + "-8-6-3"), Activation.RELU, 0.01f);
             Tensor x = B.fromArray(data(), ROWS, IN)) {
            Initializers.create(method, Activation.RELU, 0.01f, BiasInit.ZEROS)
                    .initialize(net, new InitContext(RandomStream.of(5, 0), x, null));
            return net.weightLayers().stream().map(l -> B.toFloatArray(l.parameters().getFirst().value())).toArray(float[][]::new);
        }
    }

    /** Per-unit variances of layer {@code k}'s pre-activation for the data, through the given weights (ReLU between). */
    private static double[] unitVariances(float[][] w, int k, int[] sizes) {
        float[] h = data();
        int rows = ROWS;
        for (int layer = 0; ; layer++) {
            int in = sizes[layer], out = sizes[layer + 1];
            double[][] y = new double[rows][out];
            for (int r = 0; r < rows; r++) {
                for (int o = 0; o < out; o++) {
                    double s = 0;
                    for (int i = 0; i < in; i++) s += (double) h[r * in + i] * w[layer][o * in + i];
                    y[r][o] = s;
                }
            }
            if (layer == k) {
                double[] v = new double[out];
                for (int o = 0; o < out; o++) {
                    double m = 0, q = 0;
                    for (int r = 0; r < rows; r++) m += y[r][o];
                    m /= rows;
                    for (int r = 0; r < rows; r++) q += (y[r][o] - m) * (y[r][o] - m);
                    v[o] = q / rows;
                }
                return v;
            }
            h = new float[rows * out];
            for (int r = 0; r < rows; r++) for (int o = 0; o < out; o++) h[r * out + o] = (float) Math.max(0, y[r][o]);
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double e : v) s += e;
        return s / v.length;
    }

    @Test
    void everyHiddenUnitGetsTheBaseMeanVarianceAndTheOutputLayerStaysHe() {
        int[] sizes = {IN, 8, 6, 3};
        float[][] he = init("he"), sf = init("sparse-filtering:iters=40");
        for (int k = 0; k < 2; k++) {
            // layer k's input for sparse filtering is the output of sf's own earlier layers, so compare on that input
            float[][] mixed = sf.clone();
            mixed[k] = he[k];
            double target = mean(unitVariances(mixed, k, sizes));
            for (double v : unitVariances(sf, k, sizes)) assertEquals(target, v, 1e-3 * target, "layer " + k);
            assertTrue(!java.util.Arrays.equals(he[k], sf[k]), "layer " + k + " was learned");
        }
        assertArrayEquals(he[2], sf[2], "the output layer keeps the base weights");
    }

    @Test
    void layerScaleGivesEqualRowNormsAndNormScaleTheBaseRowNorms() {
        float[][] he = init("he"), layer = init("sparse-filtering:iters=20,scale=layer"), norm = init("sparse-filtering:iters=20,scale=norm");
        for (int j = 0; j < 8; j++) {
            assertEquals(rowNorm(layer[0], 0, IN), rowNorm(layer[0], j, IN), 1e-4 * rowNorm(layer[0], 0, IN));
            assertEquals(rowNorm(he[0], j, IN), rowNorm(norm[0], j, IN), 1e-4 * rowNorm(he[0], j, IN));
        }
    }

    private static double rowNorm(float[] w, int j, int in) {
        double s = 0;
        for (int k = 0; k < in; k++) s += (double) w[j * in + k] * w[j * in + k];
        return Math.sqrt(s);
    }

    @Test
    void sameSeedSameWeights() {
        float[][] a = init("sparse-filtering:iters=15"), b = init("sparse-filtering:iters=15");
        for (int k = 0; k < a.length; k++) assertArrayEquals(a[k], b[k]);
    }

    @Test
    void clearErrors() {
        var create = (java.util.function.Function<String, Object>) m -> Initializers.create(m, Activation.RELU, 0.01f, BiasInit.ZEROS);
        assertThrows(IllegalArgumentException.class, () -> create.apply("sparse-filtering:scale=wide"));
        assertThrows(IllegalArgumentException.class, () -> create.apply("sparse-filtering:iters=0"));
        assertThrows(IllegalArgumentException.class, () -> create.apply("sparse-filtering:base=sparse-filtering"));
        assertThrows(IllegalArgumentException.class, () -> create.apply("sparse-filtering:depth=2"));
        try (Sequential net = Sequential.build(B, Architecture.parse("4-3-2"), Activation.RELU, 0.01f)) {
            var e = assertThrows(IllegalArgumentException.class, () -> Initializers.create("sparse-filtering", Activation.RELU, 0.01f,
                    BiasInit.ZEROS).initialize(net, InitContext.seeded(1)));
            assertTrue(e.getMessage().contains("sample"), e.getMessage());
        }
    }
}
