package ibinit.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.nn.Architecture;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InitializersTest {
    static Backend backend;

    @BeforeAll
    static void open() { backend = Backends.reference(); }

    @AfterAll
    static void close() { backend.close(); }

    private static Sequential net(String arch, Activation act) {
        return Sequential.build(backend, Architecture.parse(arch), act, 0.01f);
    }

    private static double[] meanVar(float[] v) {
        double s = 0, s2 = 0;
        for (float x : v) s += x;
        double m = s / v.length;
        for (float x : v) s2 += (x - m) * (x - m);
        return new double[] {m, s2 / v.length};
    }

    private static float[] weights(Sequential n, int layer) {
        return backend.toFloatArray(n.weightLayers().get(layer).parameters().getFirst().value());
    }

    @Test
    void xavierUniformHasTheGlorotBoundAndVariance() {
        try (Sequential n = net("784-512-10", Activation.RELU)) {
            Initializers.create("xavier", Activation.RELU, 0, BiasInit.ZEROS).initialize(n, InitContext.seeded(3));
            float[] w = weights(n, 0);
            double bound = Math.sqrt(6.0 / (784 + 512));
            double max = 0;
            for (float x : w) max = Math.max(max, Math.abs(x));
            assertTrue(max <= bound && max > 0.99 * bound, "max |w| " + max + " vs bound " + bound);
            double[] mv = meanVar(w);
            assertEquals(bound * bound / 3, mv[1], 0.02 * bound * bound / 3);
            assertEquals(0, mv[0], 0.01 * bound);
        }
    }

    @Test
    void kaimingNormalUsesTheActivationGainAndFanMode() {
        try (Sequential n = net("300-200-10", Activation.RELU)) {
            Initializers.create("he", Activation.RELU, 0, BiasInit.ZEROS).initialize(n, InitContext.seeded(4));
            assertEquals(2.0 / 300, meanVar(weights(n, 0))[1], 0.03 * 2.0 / 300);
            Initializers.create("kaiming-normal:mode=fan_out", Activation.TANH, 0, BiasInit.ZEROS).initialize(n, InitContext.seeded(4));
            double expected = (25.0 / 9) / 200;
            assertEquals(expected, meanVar(weights(n, 0))[1], 0.03 * expected);
        }
    }

    @Test
    void biasesFollowTheirRule() {
        try (Sequential n = net("100-50-10", Activation.RELU)) {
            Initializers.create("xavier", Activation.RELU, 0, BiasInit.parse("pytorch")).initialize(n, InitContext.seeded(5));
            float[] b = backend.toFloatArray(n.weightLayers().get(0).parameters().get(1).value());
            double bound = 1 / Math.sqrt(100);
            boolean nonZero = false;
            for (float x : b) {
                assertTrue(Math.abs(x) <= bound);
                nonZero |= x != 0;
            }
            assertTrue(nonZero);
            Initializers.create("xavier", Activation.RELU, 0, BiasInit.ZEROS).initialize(n, InitContext.seeded(5));
            for (float x : backend.toFloatArray(n.weightLayers().get(0).parameters().get(1).value())) assertEquals(0f, x);
        }
    }

    @Test
    void orthogonalRowsOrColumnsAreOrthonormal() {
        for (String arch : new String[] {"64-32-10", "16-40-10"}) {
            try (Sequential n = net(arch, Activation.RELU)) {
                Initializers.create("orthogonal:gain=2", Activation.RELU, 0, BiasInit.ZEROS).initialize(n, InitContext.seeded(6));
                Parameter p = n.weightLayers().get(0).parameters().getFirst();
                int rows = p.value().dim(0), cols = p.value().dim(1);
                float[] w = backend.toFloatArray(p.value());
                boolean byRows = rows <= cols;
                int count = byRows ? rows : cols;
                for (int i = 0; i < count; i++) {
                    for (int j = 0; j < count; j++) {
                        double d = 0;
                        for (int t = 0; t < (byRows ? cols : rows); t++) {
                            d += byRows ? (double) w[i * cols + t] * w[j * cols + t] : (double) w[t * cols + i] * w[t * cols + j];
                        }
                        assertEquals(i == j ? 4.0 : 0.0, d, 1e-4, arch + " entry " + i + "," + j);
                    }
                }
            }
        }
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        try (Sequential a = net("50-20-10", Activation.RELU); Sequential b = net("50-20-10", Activation.RELU)) {
            Initializers.create("xavier-normal", Activation.RELU, 0, BiasInit.ZEROS).initialize(a, InitContext.seeded(9));
            Initializers.create("xavier-normal", Activation.RELU, 0, BiasInit.ZEROS).initialize(b, InitContext.seeded(9));
            assertArrayEquals(weights(a, 1), weights(b, 1));
            Initializers.create("xavier-normal", Activation.RELU, 0, BiasInit.ZEROS).initialize(b, InitContext.seeded(10));
            assertNotEquals(weights(a, 1)[0], weights(b, 1)[0]);
        }
    }

    @Test
    void lsuvReachesUnitVarianceWithinTolerance() {
        int rows = 256;
        try (Sequential n = net("40-64-64-10", Activation.RELU); Tensor x = backend.zeros(rows, 40)) {
            backend.fillNormal(x, RandomStream.of(11, 99), 0.5f, 3f);
            double tol = 0.02;
            Initializers.create("lsuv:tol=" + tol + ",iters=50", Activation.RELU, 0, BiasInit.ZEROS)
                    .initialize(n, new InitContext(RandomStream.of(12, 0), x, null));
            // Pre-activation outputs of every weight layer (layers 0, 2, 4 of dense|relu|dense|relu|dense).
            for (int upTo : new int[] {1, 3, 5}) {
                Tensor h = n.forwardPrefix(x, upTo);
                double v = backend.columnMeanVar(h.view(Math.toIntExact(h.size()), 1), 0).variance()[0];
                assertEquals(1.0, v, tol, "variance after layer prefix " + upTo);
            }
        }
    }

    @Test
    void lsuvPreInitializationIsChosenByPre() {
        int rows = 128;
        try (Tensor x = backend.zeros(rows, 40)) {
            backend.fillNormal(x, RandomStream.of(5, 99), 0.5f, 3f);
            for (String[] c : new String[][] {{"lsuv:pre=he", "he"}, {"lsuv:pre=xavier", "xavier"}, {"lsuv:no-ortho", "xavier"}, {"lsuv", "orthogonal"}}) {
                try (Sequential l = net("40-16-10", Activation.RELU); Sequential p = net("40-16-10", Activation.RELU)) {
                    Initializers.create(c[0], Activation.RELU, 0, BiasInit.ZEROS).initialize(l, new InitContext(RandomStream.of(6, 0), x, null));
                    Initializers.create(c[1], Activation.RELU, 0, BiasInit.ZEROS).initialize(p, InitContext.seeded(6));
                    float[] got = weights(l, 0), pre = weights(p, 0);
                    double factor = got[0] / pre[0];
                    for (int i = 0; i < got.length; i++) assertEquals(factor * pre[i], got[i], 1e-5 * (1 + Math.abs(got[i])), c[0]);
                }
            }
        }
        for (String bad : new String[] {"lsuv:pre=lecun", "lsuv:no-ortho,pre=orthogonal"}) {
            assertThrows(IllegalArgumentException.class, () -> Initializers.create(bad, Activation.RELU, 0, BiasInit.ZEROS));
        }
    }

    @Test
    void lsuvRefusesADeadLayerWithAClearMessage() {
        try (Sequential n = net("10-8-10", Activation.RELU); Tensor x = backend.zeros(32, 10)) {
            var e = assertThrows(IllegalArgumentException.class, () -> Initializers.create("lsuv", Activation.RELU, 0, BiasInit.ZEROS)
                    .initialize(n, new InitContext(RandomStream.of(1, 0), x, null)));
            assertTrue(e.getMessage().contains("dead layer"), e.getMessage());
        }
    }

    @Test
    void badMethodsAndOptionsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Initializers.create("glorious", Activation.RELU, 0, BiasInit.ZEROS));
        assertTrue(e.getMessage().contains("glorious") && e.getMessage().contains("xavier-uniform"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Initializers.create("normal:sd=1", Activation.RELU, 0, BiasInit.ZEROS));
        assertTrue(e.getMessage().contains("sd") && e.getMessage().contains("std"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Initializers.create("kaiming-normal:mode=sideways", Activation.RELU, 0, BiasInit.ZEROS));
        assertTrue(e.getMessage().contains("sideways"), e.getMessage());
    }
}
