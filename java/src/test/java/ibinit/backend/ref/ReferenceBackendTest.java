package ibinit.backend.ref;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import ibinit.backend.ColumnStats;
import ibinit.backend.RandomStream;
import ibinit.rng.Philox;
import ibinit.tensor.Tensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The oracle against small examples worked by hand, and its error behaviour. */
class ReferenceBackendTest {
    private final ReferenceBackend be = new ReferenceBackend();
    private final List<Tensor> open = new ArrayList<>();

    @AfterEach
    void closeTensors() { open.forEach(Tensor::close); }

    private Tensor t(float[] v, int... shape) { return keep(be.fromArray(v, shape)); }
    private Tensor labels(int... v) { return keep(be.fromArray(v, v.length)); }
    private Tensor keep(Tensor x) { open.add(x); return x; }
    private float[] get(Tensor x) { return be.toFloatArray(x); }

    // ---- memory ----

    @Test
    void allocationIsZeroedAndAligned() {
        Tensor x = keep(be.zeros(3, 5));
        assertArrayEquals(new float[15], get(x));
        assertEquals(0, x.segment().address() % 64);
        assertEquals("java", be.name());
        assertEquals(1, be.threads());
    }

    @Test
    void uploadCopyAndViewsRoundTrip() {
        Tensor x = keep(be.zeros(2, 2));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment host = arena.allocateFrom(ValueLayout.JAVA_FLOAT, 9, 1, 2, 3, 4);
            be.upload(host, 4, x); // skips the leading 9
        }
        assertArrayEquals(new float[] {1, 2, 3, 4}, get(x));
        Tensor y = keep(be.zeros(4));
        be.copy(x, y);
        assertArrayEquals(new float[] {1, 2, 3, 4}, get(y));
        Tensor v = x.view(4);
        be.scale(2f, v);
        assertArrayEquals(new float[] {2, 4, 6, 8}, get(x));
        assertArrayEquals(new int[] {3, -1}, be.toIntArray(labels(3, -1)));
    }

    // ---- linear algebra ----

    private static final float[] A = {1, 2, 3, 4, 5, 6};          // 2x3
    private static final float[] A_T = {1, 4, 2, 5, 3, 6};        // A stored transposed, 3x2
    private static final float[] B = {7, 8, 9, 10, 11, 12};       // 3x2
    private static final float[] B_T = {7, 9, 11, 8, 10, 12};     // B stored transposed, 2x3

    /** AB = [[58, 64], [139, 154]]; 2 AB + 0.5 [[1, 2], [3, 4]]. */
    @Test
    void gemmWithEveryTransposeAlphaAndBeta() {
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                Tensor a = ta ? t(A_T, 3, 2) : t(A, 2, 3);
                Tensor b = tb ? t(B_T, 2, 3) : t(B, 3, 2);
                Tensor c = t(new float[] {1, 2, 3, 4}, 2, 2);
                be.gemm(ta, tb, 2f, a, b, 0.5f, c);
                assertArrayEquals(new float[] {116.5f, 129f, 279.5f, 310f}, get(c), "transA " + ta + " transB " + tb);
            }
        }
    }

    @Test
    void gemmWithBetaZeroDoesNotReadC() {
        Tensor c = t(new float[] {Float.NaN, 1, 2, Float.POSITIVE_INFINITY}, 2, 2);
        be.gemm(false, false, 1f, t(A, 2, 3), t(B, 3, 2), 0f, c);
        assertArrayEquals(new float[] {58, 64, 139, 154}, get(c));
    }

    @Test
    void gemmShapeMismatchNamesBothShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> be.gemm(false, false, 1f, t(A, 2, 3), t(new float[4], 2, 2), 0f, t(new float[4], 2, 2)));
        assertTrue(e.getMessage().contains("f32[2x3]") && e.getMessage().contains("f32[2x2]"), e.getMessage());
    }

    @Test
    void axpyScaleAddBias() {
        Tensor y = t(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        be.axpy(-2f, t(new float[] {1, 1, 1, 0.5f, 0.5f, 0.5f}, 2, 3), y);
        assertArrayEquals(new float[] {-1, 0, 1, 3, 4, 5}, get(y));
        be.addBias(y, t(new float[] {10, 20, 30}, 3));
        assertArrayEquals(new float[] {9, 20, 31, 13, 24, 35}, get(y));
        be.scale(0.5f, y);
        assertArrayEquals(new float[] {4.5f, 10, 15.5f, 6.5f, 12, 17.5f}, get(y));
        var e = assertThrows(IllegalArgumentException.class, () -> be.axpy(1f, t(new float[4], 4), y));
        assertTrue(e.getMessage().contains("f32[4]") && e.getMessage().contains("f32[2x3]"), e.getMessage());
    }

    // ---- rows and columns ----

    private static final float[] X = {1, 2, 3, 4, 5, 9}; // 3x2: columns (1, 3, 5) and (2, 4, 9)

    @Test
    void columnSumsOverwriteOut() {
        Tensor out = t(new float[] {100, 100}, 2);
        be.columnSums(t(X, 3, 2), out);
        assertArrayEquals(new float[] {9, 15}, get(out));
    }

    /** Means 3 and 5; squared deviations 8 and 26. */
    @Test
    void columnVariancesAndCovarianceTrace() {
        ColumnStats s = be.columnMeanVar(t(X, 3, 2), 1);
        assertArrayEquals(new double[] {3, 5}, s.mean(), 0);
        assertArrayEquals(new double[] {4, 13}, s.variance(), 1e-15);
        assertEquals(17.0, be.covarianceTrace(t(X, 3, 2), 1), 1e-14);
        assertEquals(34.0 / 3, be.covarianceTrace(t(X, 3, 2), 0), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> be.covarianceTrace(t(X, 3, 2), 3));
    }

    /** A one-pass float formula would lose everything here: variance 1 on top of a mean of 1e6. */
    @Test
    void varianceSurvivesALargeMean() {
        Tensor x = t(new float[] {1_000_001, 1_000_002, 1_000_003}, 3, 1);
        assertEquals(1.0, be.columnMeanVar(x, 1).variance()[0], 0);
    }

    @Test
    void logSumExpIsStable() {
        Tensor x = t(new float[] {1000, 1000, -1000, -1000, 0, Float.NEGATIVE_INFINITY, 1, 2}, 4, 2);
        Tensor out = keep(be.zeros(4));
        be.logSumExpRows(x, out);
        double ln2 = Math.log(2);
        assertArrayEquals(new float[] {(float) (1000 + ln2), (float) (-1000 + ln2), 0f, (float) (2 + Math.log1p(Math.exp(-1)))},
                get(out));
        Tensor allNegInf = t(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, 1, 2);
        Tensor one = keep(be.zeros(1));
        be.logSumExpRows(allNegInf, one);
        assertEquals(Float.NEGATIVE_INFINITY, get(one)[0]);
        var e = assertThrows(IllegalArgumentException.class, () -> be.logSumExpRows(x, one));
        assertTrue(e.getMessage().contains("f32[4x2]"), e.getMessage());
    }

    // ---- loss ----

    /** Row 0: log(e + e^2 + e^3) - 3 = 0.4076060; row 1 (all equal): log 3. */
    @Test
    void softmaxCrossEntropyByHand() {
        Tensor z = t(new float[] {1, 2, 3, 0, 0, 0}, 2, 3);
        Tensor g = keep(be.zeros(2, 3));
        double loss = be.softmaxCrossEntropy(z, labels(2, 0), g);
        assertEquals((0.40760596444438013 + 1.0986122886681098) / 2, loss, 1e-7);
        float[] expected = {0.09003057f / 2, 0.24472847f / 2, (0.66524096f - 1) / 2, (1f / 3 - 1) / 2, 1f / 6, 1f / 6};
        assertArrayEquals(expected, get(g), 1e-7f);
        assertEquals(loss, be.softmaxCrossEntropy(z, labels(2, 0), null), 0, "grad is optional");
    }

    @Test
    void softmaxCrossEntropyIsStableForHugeLogits() {
        Tensor z = t(new float[] {1e4f, 0, 1e4f, 1e4f}, 2, 2);
        Tensor g = keep(be.zeros(2, 2));
        double loss = be.softmaxCrossEntropy(z, labels(1, 0), g);
        assertEquals((1e4 + Math.log(2)) / 2, loss, 1e-9);
        assertArrayEquals(new float[] {0.5f, -0.5f, -0.25f, 0.25f}, get(g), 1e-7f);
    }

    @Test
    void outOfRangeLabelNamesRowAndLabel() {
        Tensor z = t(new float[6], 2, 3);
        Tensor g = t(new float[] {7, 7, 7, 7, 7, 7}, 2, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> be.softmaxCrossEntropy(z, labels(0, 3), g));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("label 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> be.softmaxCrossEntropy(z, labels(-1, 0), null));
        assertArrayEquals(new float[] {7, 7, 7, 7, 7, 7}, get(g), "no partial gradient on error");
        assertThrows(IllegalArgumentException.class, () -> be.softmaxCrossEntropy(z, t(new float[2], 2), null),
                "labels must be int32");
    }

    // ---- activations ----

    @Test
    void activationValues() {
        float[] x = {-2, 0, 0.5f, 1};
        float[][] expected = {
            {-2, 0, 0.5f, 1},                                           // identity
            {0, 0, 0.5f, 1},                                            // relu
            {-0.2f, 0, 0.5f, 1},                                        // leaky, slope 0.1
            {-0.9640276f, 0, 0.46211716f, 0.7615942f},                  // tanh
            {0.11920292f, 0.5f, 0.62245935f, 0.7310586f},               // sigmoid
        };
        for (Activation f : Activation.values()) {
            Tensor in = t(x, 4);
            be.activation(f, 0.1f, in, in); // in place
            assertArrayEquals(expected[f.code], get(in), 1e-7f, f.cliName);
        }
    }

    /** dx = dy f'(x), against central differences of the forward op. */
    @Test
    void activationDerivativesMatchFiniteDifferences() {
        float[] x = {-2, -0.7f, -0.3f, 0.4f, 1.1f, 2.5f};
        float[] dy = {1.5f, -2, 0.5f, 3, -1, 0.25f};
        float h = 1e-2f;
        for (Activation f : Activation.values()) {
            Tensor xt = t(x, 6), yt = keep(be.zeros(6)), d = t(dy, 6);
            be.activation(f, 0.1f, xt, yt);
            be.activationBackward(f, 0.1f, xt, yt, d, d); // dx aliases dy
            float[] got = get(d);
            for (int i = 0; i < x.length; i++) {
                double slope = (ReferenceBackend.apply(f, 0.1f, x[i] + h) - ReferenceBackend.apply(f, 0.1f, x[i] - h)) / (2.0 * h);
                assertEquals(dy[i] * slope, got[i], 1e-3, f.cliName + " at " + x[i]);
            }
        }
    }

    // ---- optimizers ----

    /** g' = 0.5 + 0.01 = 0.51, v = 0.9 * 0.2 + 0.51 = 0.69; Nesterov steps by 0.51 + 0.9 * 0.69 = 1.131. */
    @Test
    void sgdMomentumOneStep() {
        for (boolean nesterov : new boolean[] {false, true}) {
            Tensor w = t(new float[] {1}, 1), v = t(new float[] {0.2f}, 1);
            be.sgdMomentum(w, t(new float[] {0.5f}, 1), v, 0.1f, 0.9f, 0.01f, nesterov);
            assertEquals(0.69f, get(v)[0], 1e-7f);
            assertEquals(nesterov ? 0.8869f : 0.931f, get(w)[0], 1e-7f, "nesterov " + nesterov);
        }
    }

    /**
     * Step 1 moves by lr whatever the gradient: w = 0.9, m = 0.05, v = 0.00025. Step 2 with g = -0.25:
     * m = 0.02, v = 0.00031225, w = 0.9 - 0.1 (0.02 / 0.19) / sqrt(0.00031225 / 0.001999) = 0.8733663.
     * v carries a relative error of about 1e-5 because 1 - 0.999f is 0.00099998713 in float.
     */
    @Test
    void adamTwoSteps() {
        Tensor w = t(new float[] {1}, 1), m = keep(be.zeros(1)), v = keep(be.zeros(1));
        be.adam(w, t(new float[] {0.5f}, 1), m, v, 0.1f, 0.9f, 0.999f, 1e-8f, 0f, 1);
        assertEquals(0.9f, get(w)[0], 1e-7f);
        assertEquals(0.05f, get(m)[0], 1e-7f);
        assertEquals(0.00025f, get(v)[0], 1e-8f);
        be.adam(w, t(new float[] {-0.25f}, 1), m, v, 0.1f, 0.9f, 0.999f, 1e-8f, 0f, 2);
        assertEquals(0.02f, get(m)[0], 1e-7f);
        assertEquals(0.00031225f, get(v)[0], 1e-8f);
        assertEquals(0.8733663f, get(w)[0], 2e-7f);
        assertThrows(IllegalArgumentException.class, () -> be.adam(w, w, m, v, 0.1f, 0.9f, 0.999f, 1e-8f, 0f, 0));
    }

    /** Weight decay joins the gradient: g' = 0.5 + 0.5 * 2 = 1.5, so m = 0.15 after one step. */
    @Test
    void adamWeightDecayAddsToGradient() {
        Tensor w = t(new float[] {2}, 1), m = keep(be.zeros(1)), v = keep(be.zeros(1));
        be.adam(w, t(new float[] {0.5f}, 1), m, v, 0.1f, 0.9f, 0.999f, 1e-8f, 0.5f, 1);
        assertEquals(0.15f, get(m)[0], 1e-7f);
        assertEquals(1.9f, get(w)[0], 1e-6f);
    }

    // ---- random numbers ----

    @Test
    void fillsUseElementIndexOffsetPlusI() {
        RandomStream rs = new RandomStream(1234, 5, (1L << 32) - 3); // crosses into the index's high word
        Tensor x = keep(be.zeros(2, 3));
        be.fillNormal(x, rs, 0.5f, 2f);
        float[] got = get(x);
        for (int i = 0; i < 6; i++) assertEquals(Philox.normalAt(1234, 5, rs.offset() + i, 0.5f, 2f), got[i]);
        Tensor tail = keep(be.zeros(3));
        be.fillNormal(tail, rs.skip(3), 0.5f, 2f);
        assertArrayEquals(new float[] {got[3], got[4], got[5]}, get(tail), "a slice of a stream is the same stream");

        be.fillUniform(x, rs, -3f, 3f);
        for (int i = 0; i < 6; i++) assertEquals(Philox.uniformAt(1234, 5, rs.offset() + i, -3f, 3f), get(x)[i]);
        be.fillTruncatedNormal(x, rs, 0f, 1f, -0.5f, 0.5f);
        for (int i = 0; i < 6; i++) {
            assertEquals(Philox.truncatedNormalAt(1234, 5, rs.offset() + i, 0f, 1f, -0.5f, 0.5f), get(x)[i]);
        }
    }

    @Test
    void philoxBlocksAreFourWordsPerIndex() {
        RandomStream rs = new RandomStream(-1L, -1, 40);
        int[] words = be.philoxBlocks(rs, 3);
        assertEquals(12, words.length);
        int[] b = new int[4];
        for (int i = 0; i < 3; i++) {
            Philox.block(-1L, -1, 40 + i, 0, b);
            assertArrayEquals(b, java.util.Arrays.copyOfRange(words, 4 * i, 4 * i + 4), "block " + i);
        }
        assertEquals(0, be.philoxBlocks(rs, 0).length);
    }

    // ---- misuse ----

    @Test
    void closedTensorThrowsIllegalState() {
        Tensor x = be.zeros(2, 2);
        Tensor view = x.view(4);
        x.close();
        var e = assertThrows(IllegalStateException.class, () -> be.scale(2f, x));
        assertTrue(e.getMessage().contains("f32[2x2]"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> be.toFloatArray(view));
        x.close(); // closing twice is harmless
    }

    @Test
    void tensorsOfAnotherBackendInstanceAreRefused() {
        try (ReferenceBackend other = new ReferenceBackend(); Tensor foreign = other.zeros(2, 2)) {
            var e = assertThrows(IllegalArgumentException.class, () -> be.axpy(1f, foreign, t(new float[4], 2, 2)));
            assertTrue(e.getMessage().contains("another backend"), e.getMessage());
        }
    }
}
