package ibinit.init.ibci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.backend.ref.ReferenceBackend;
import ibinit.data.DataSplit;
import ibinit.data.SyntheticMixture;
import ibinit.init.BiasInit;
import ibinit.init.InitContext;
import ibinit.init.Initializer;
import ibinit.init.Initializers;
import ibinit.nn.Architecture;
import ibinit.nn.Dense;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The ibci initializer end to end on synthetic Gaussian mixtures (the reference backend unless said otherwise). */
class IbciTest {
    static final Backend B = new ReferenceBackend();
    static final DataSplit DATA = SyntheticMixture.generate(4, 200, 600, 10, 4.0, 11);

    @AfterAll
    static void close() { B.close(); }

    static Sequential net(Backend b, String arch) { return Sequential.build(b, Architecture.parse(arch), Activation.RELU, 0f); }

    /** Initializes {@code arch} on the first {@code n} training samples; returns the weight values of each dense layer. */
    static float[][] init(Backend b, String method, String arch, long seed) {
        try (Sequential n = net(b, arch)) {
            run(b, n, method, seed);
            return weights(b, n);
        }
    }

    static void run(Backend b, Sequential n, String method, long seed) {
        int rows = DATA.train().size(), dims = DATA.train().featureDim();
        try (Tensor x = b.fromArray(DATA.train().features(), rows, dims); Tensor y = b.fromArray(DATA.train().labels(), rows)) {
            Initializer m = Initializers.create(method, Activation.RELU, 0f, BiasInit.ZEROS);
            m.initialize(n, new InitContext(RandomStream.of(seed, 0), x, y));
        }
    }

    static float[][] weights(Backend b, Sequential n) {
        return n.parameters().stream().map(p -> b.toFloatArray(p.value())).toArray(float[][]::new);
    }

    @Test
    void candidatesUseTheLayersTrueFanIn() {
        // pool = min(5 * 10, 1000) = 50; Xavier with fan-in 200: bound sqrt(6 / 210) = 0.169 (with the pool as fan-in: 0.316)
        float[] w = init(B, "ibci", "200-10-4", 1)[0];
        double bound = Math.sqrt(6.0 / (200 + 10)), max = 0;
        for (float v : w) max = Math.max(max, Math.abs(v));
        assertTrue(max <= bound && max > 0.95 * bound, "max |w| " + max + " vs Xavier bound " + bound);
        // He: N(0, 2 / 200), std 0.1 (with the pool as fan-in: 0.2)
        float[] he = init(B, "ibci:base=he", "200-10-4", 1)[0];
        double sq = 0;
        for (float v : he) sq += v * v;
        double std = Math.sqrt(sq / he.length);
        assertEquals(0.1, std, 0.02, "std of He candidates elected with fan-in 200");
    }

    @Test
    void everyNeuronIsDistinctAndBiasesAreZero() {
        float[][] p = init(B, "ibci:pool=12", "200-12-4", 2); // pool = layer size: every candidate must be taken once
        Set<List<Float>> rows = new HashSet<>();
        for (int r = 0; r < 12; r++) {
            Float[] row = new Float[200];
            for (int e = 0; e < 200; e++) row[e] = p[0][r * 200 + e];
            rows.add(Arrays.asList(row));
        }
        assertEquals(12, rows.size(), "12 distinct neurons");
        assertArrayEquals(new float[12], p[1]);
        assertArrayEquals(new float[4], p[3]);
    }

    @Test
    void outputUnitCPrefersClassC() {
        try (Sequential n = net(B, "200-16-4")) {
            run(B, n, "ibci", 3);
            int rows = DATA.train().size();
            try (Tensor x = B.fromArray(DATA.train().features(), rows, 200)) {
                float[] out = B.toFloatArray(n.forward(x));
                double[][] mean = new double[4][4];
                int[] count = new int[4];
                for (int r = 0; r < rows; r++) {
                    int y = DATA.train().labels()[r];
                    count[y]++;
                    for (int u = 0; u < 4; u++) mean[u][y] += out[r * 4 + u];
                }
                for (int u = 0; u < 4; u++) {
                    int best = 0;
                    for (int c = 1; c < 4; c++) if (mean[u][c] / count[c] > mean[u][best] / count[best]) best = c;
                    assertEquals(u, best, "output unit " + u + " has class means " + Arrays.toString(mean[u]));
                }
            }
        }
    }

    @Test
    void aSeedGivesTheSameWeightsAndAnotherSeedOthers() {
        float[][] a = init(B, "ibci", "200-10-4", 5), b = init(B, "ibci", "200-10-4", 5), c = init(B, "ibci", "200-10-4", 6);
        assertTrue(Arrays.deepEquals(a, b));
        assertFalse(Arrays.equals(a[0], c[0]));
    }

    @Test
    void everyBackendElectsTheSameNeurons() {
        float[][] want = init(B, "ibci", "200-24-12-4", 7);
        for (Backend b : Backends.openAvailable()) {
            try (b) {
                float[][] got = init(b, "ibci", "200-24-12-4", 7);
                for (int i = 0; i < want.length; i++) assertArrayEquals(want[i], got[i], "parameter " + i + " on " + b.name());
            }
        }
    }

    @Test
    void electedNeuronsKeepMoreOfTheInputThanTheirPool() {
        // a = 0 in the hidden layer (option code): the elected neurons' output spread beats the pool average
        try (Sequential n = net(B, "200-10-4")) {
            run(B, n, "ibci:code", 8);
            Dense first = (Dense) n.layers().getFirst();
            int rows = DATA.train().size();
            try (Tensor x = B.fromArray(DATA.train().features(), rows, 200);
                 Tensor pool = CandidateBase.XAVIER.draw(B, 50, 200, 10, 1, RandomStream.of(8, 0).substream(0));
                 Tensor y = B.fromArray(DATA.train().labels(), rows)) {
                CandidateMoments m = CandidateMoments.measure(B, x, y, DATA.train().labels(), 4, pool, Activation.RELU, 0);
                double poolMean = 0;
                for (int j = 0; j < 50; j++) poolMean += Math.sqrt(m.totalVariance(j)) / 50;
                CandidateMoments e = CandidateMoments.measure(B, x, y, DATA.train().labels(), 4, first.weight().value(), Activation.RELU, 0);
                double electedMean = 0;
                for (int j = 0; j < 10; j++) electedMean += Math.sqrt(e.totalVariance(j)) / 10;
                assertTrue(electedMean > poolMean, "elected mean std " + electedMean + " vs pool " + poolMean);
            }
        }
    }

    @Test
    void rescaleKeepsTheElectedDirectionsAndRestoresTheBaseVariance() {
        for (String base : List.of("xavier", "he")) {
            String plain = "ibci:code,base=" + base;
            float[][] free = init(B, plain, "200-10-4", 9);
            try (Sequential n = net(B, "200-10-4")) {
                run(B, n, plain + ",rescale", 9);
                float[][] scaled = weights(B, n);
                // layer 0 sees the same input either way: the same neurons, one common factor
                double factor = scaled[0][0] / free[0][0];
                for (int i = 0; i < free[0].length; i++) assertEquals(factor * free[0][i], scaled[0][i], 1e-5 * (1 + Math.abs(scaled[0][i])));
                assertTrue(Math.abs(factor - 1) > 1e-3, base + ": the election changed the output variance, factor " + factor);
                // the mean output variance of layer 0's neurons is now the mean over its candidate pool
                int rows = DATA.train().size();
                try (Tensor x = B.fromArray(DATA.train().features(), rows, 200); Tensor y = B.fromArray(DATA.train().labels(), rows);
                     Tensor pool = CandidateBase.valueOf(base.toUpperCase()).draw(B, 50, 200, 10, Math.sqrt(2), RandomStream.of(9, 0).substream(0))) {
                    CandidateMoments p = CandidateMoments.measure(B, x, y, DATA.train().labels(), 4, pool, Activation.RELU, 0);
                    CandidateMoments e = CandidateMoments.measure(B, x, y, DATA.train().labels(), 4, ((Dense) n.layers().getFirst()).weight().value(),
                            Activation.RELU, 0);
                    double poolMean = 0, electedMean = 0;
                    for (int j = 0; j < 50; j++) poolMean += p.totalVariance(j) / 50;
                    for (int j = 0; j < 10; j++) electedMean += e.totalVariance(j) / 10;
                    assertEquals(poolMean, electedMean, 1e-4 * poolMean, base);
                }
            }
        }
    }

    @Test
    void streamingInChunksGivesTheMomentsOfTheWholeSample() {
        int rows = 3000, k = 700; // CHUNK_VALUES / 700 = 1497 rows a chunk: three chunks, the last partial
        try (Tensor x = B.zeros(rows, 5); Tensor w = B.zeros(k, 5)) {
            B.fillNormal(x, RandomStream.of(1, 1), 0, 1);
            B.fillNormal(w, RandomStream.of(1, 2), 0, 1);
            int[] labels = new int[rows];
            for (int r = 0; r < rows; r++) labels[r] = r % 3;
            try (Tensor yl = B.fromArray(labels, rows)) {
                CandidateMoments m = CandidateMoments.measure(B, x, yl, labels, 3, w, Activation.RELU, 0);
                float[] xv = B.toFloatArray(x), wv = B.toFloatArray(w);
                for (int j : new int[] {0, 350, 699}) {
                    double s = 0;
                    for (int r = 1; r < rows; r += 3) {
                        double z = 0;
                        for (int e = 0; e < 5; e++) z += (double) xv[r * 5 + e] * wv[j * 5 + e];
                        s += Math.max(z, 0);
                    }
                    assertEquals(s, m.sums()[k + j], 1e-4 * (1 + Math.abs(s)), "class 1 sum of candidate " + j);
                }
                assertArrayEquals(new long[] {1000, 1000, 1000}, m.counts());
            }
        }
    }

    @Test
    void clearErrors() {
        try (Sequential n = net(B, "200-10-4")) {
            Initializer m = Initializers.create("ibci", Activation.RELU, 0, BiasInit.ZEROS);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.initialize(n, InitContext.seeded(1)));
            assertTrue(e.getMessage().contains("sample"), e.getMessage());
            try (Tensor x = B.zeros(3, 200); Tensor y = B.fromArray(new int[] {0, 7, 1}, 3)) {
                e = assertThrows(IllegalArgumentException.class, () -> m.initialize(n, new InitContext(RandomStream.of(1, 0), x, y)));
                assertTrue(e.getMessage().contains("label 7"), e.getMessage());
            }
        }
        try (Sequential n = net(B, "200-10-3")) { // 3 output units for 4 classes in the data: labels 3 are outside
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(B, n, "ibci", 1));
            assertTrue(e.getMessage().contains("outside"), e.getMessage());
        }
    }
}
