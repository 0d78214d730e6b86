package ibinit.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.ColumnStats;
import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;
import ibinit.tensor.Tensor.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The CUDA backend against the reference backend, op by op, on random inputs of awkward shapes
 * (1x1, 7x13, 33x65, ...). Elementwise float rules (axpy, optimizers) and every random stream must
 * match bit for bit (the library is built with -fmad=false); reductions within tight bounds.
 * Skipped where no CUDA device is usable. The seed is printed and named in failures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CudaBackendTest {
    private static final int[][] SHAPES = {{1, 1}, {7, 13}, {33, 65}, {128, 10}, {1000, 257}};

    private Backend cuda;
    private Backend ref;
    private final long seed = System.nanoTime();
    private final Random rnd = new Random(seed);
    private final List<Tensor> open = new ArrayList<>();

    @BeforeAll
    void openBackends() {
        Backends.Probe probe = Backends.probe("cuda");
        assumeTrue(probe.available(), "cuda unavailable: " + probe.reason());
        cuda = Backends.open("cuda");
        ref = Backends.reference();
        System.out.println("CudaBackendTest seed " + seed);
    }

    @AfterEach
    void closeTensors() {
        open.forEach(Tensor::close);
        open.clear();
    }

    @AfterAll
    void closeBackends() {
        if (cuda != null) cuda.close();
        if (ref != null) ref.close();
    }

    // ---- helpers ----

    private Tensor keep(Tensor t) {
        open.add(t);
        return t;
    }

    private Tensor on(Backend b, float[] v, int... shape) { return keep(b.fromArray(v, shape)); }

    private float[] normal(int n, double mean, double std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (mean + std * rnd.nextGaussian());
        return v;
    }

    private String where(String what) { return what + " [seed " + seed + "]"; }

    private void assertClose(float[] want, float[] got, double rel, double abs, String what) {
        assertEquals(want.length, got.length, where(what + ": length"));
        for (int i = 0; i < want.length; i++) {
            if (Float.compare(want[i], got[i]) == 0) continue;
            double err = Math.abs((double) got[i] - want[i]);
            if (!(err <= abs + rel * Math.abs(want[i]))) {
                fail(where(what + ": element " + i + " is " + got[i] + ", reference " + want[i]));
            }
        }
    }

    private void assertClose(double[] want, double[] got, double rel, String what) {
        assertEquals(want.length, got.length, where(what + ": length"));
        for (int i = 0; i < want.length; i++) {
            if (!(Math.abs(got[i] - want[i]) <= rel * Math.abs(want[i]) + 1e-300)) {
                fail(where(what + ": element " + i + " is " + got[i] + ", reference " + want[i]));
            }
        }
    }

    private void assertSameBits(float[] want, float[] got, String what) {
        assertEquals(want.length, got.length, where(what + ": length"));
        for (int i = 0; i < want.length; i++) {
            if (Float.floatToRawIntBits(want[i]) != Float.floatToRawIntBits(got[i])) {
                fail(where(what + ": element " + i + " is " + got[i] + ", reference " + want[i] + " (bits differ)"));
            }
        }
    }

    private static float[] abs(float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Math.abs(v[i]);
        return out;
    }

    // ---- memory ----

    @Test
    void memoryRoundTripsAndStartsZeroed() {
        for (int[] s : SHAPES) {
            Tensor z = keep(cuda.zeros(s));
            assertArrayEquals(new float[s[0] * s[1]], cuda.toFloatArray(z));
            float[] v = normal(s[0] * s[1], 0, 1);
            Tensor a = on(cuda, v, s);
            Tensor b = keep(cuda.zeros(s[1], s[0]));
            cuda.copy(a, b);
            assertSameBits(v, cuda.toFloatArray(b), "copy " + s[0] + "x" + s[1]);
        }
        Tensor empty = keep(cuda.zeros(0, 5));
        assertEquals(0, cuda.toFloatArray(empty).length);
        int[] labels = {3, -1, Integer.MAX_VALUE};
        assertArrayEquals(labels, cuda.toIntArray(keep(cuda.fromArray(labels, 3))));
    }

    // ---- linear algebra ----

    @Test
    void gemmMatchesReferenceForEveryTransposeAndShape() {
        int[][] mnk = {{1, 1, 1}, {7, 13, 5}, {33, 65, 17}, {128, 10, 784}, {65, 33, 300}, {5, 7, 0}};
        for (int[] d : mnk) {
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                for (float beta : new float[] {0f, 0.5f}) {
                    checkGemm(ta, tb, d[0], d[1], d[2], 1.5f, beta);
                }
            }
        }
    }

    private void checkGemm(boolean ta, boolean tb, int m, int n, int k, float alpha, float beta) {
        int[] sa = ta ? new int[] {k, m} : new int[] {m, k};
        int[] sb = tb ? new int[] {n, k} : new int[] {k, n};
        float[] a = normal(m * k, 0, 1), b = normal(k * n, 0, 1), c = normal(m * n, 0, 1);
        if (beta == 0 && c.length > 0) c[0] = Float.NaN; // beta = 0 must not read C
        Tensor cc = on(cuda, c, m, n), rc = on(ref, c, m, n);
        cuda.gemm(ta, tb, alpha, on(cuda, a, sa), on(cuda, b, sb), beta, cc);
        ref.gemm(ta, tb, alpha, on(ref, a, sa), on(ref, b, sb), beta, rc);
        // Error bound from the magnitudes: |alpha| |A| |B| + |beta C|, times a few k float ulps.
        Tensor mag = on(ref, abs(c), m, n);
        ref.gemm(ta, tb, Math.abs(alpha), on(ref, abs(a), sa), on(ref, abs(b), sb), Math.abs(beta), mag);
        float[] want = ref.toFloatArray(rc), got = cuda.toFloatArray(cc), bound = ref.toFloatArray(mag);
        String what = "gemm " + (ta ? "T" : "N") + (tb ? "T" : "N") + " m=" + m + " n=" + n + " k=" + k + " beta=" + beta;
        for (int i = 0; i < want.length; i++) {
            double tol = 2e-7 * (k + 4) * bound[i] + 1e-30;
            if (!(Math.abs((double) got[i] - want[i]) <= tol)) {
                fail(where(what + ": element " + i + " is " + got[i] + ", reference " + want[i] + " (bound " + tol + ")"));
            }
        }
    }

    @Test
    void axpyScaleAndBiasAreExact() {
        for (int[] s : SHAPES) {
            int n = s[0] * s[1];
            float[] x = normal(n, 0, 1), y = normal(n, 0, 1), bias = normal(s[1], 0, 1);
            Tensor cx = on(cuda, x, s), cy = on(cuda, y, s), rx = on(ref, x, s), ry = on(ref, y, s);
            cuda.axpy(-0.37f, cx, cy);
            ref.axpy(-0.37f, rx, ry);
            assertSameBits(ref.toFloatArray(ry), cuda.toFloatArray(cy), "axpy");
            cuda.scale(1.7f, cy);
            ref.scale(1.7f, ry);
            assertSameBits(ref.toFloatArray(ry), cuda.toFloatArray(cy), "scale");
            cuda.addBias(cy, on(cuda, bias, s[1]));
            ref.addBias(ry, on(ref, bias, s[1]));
            assertSameBits(ref.toFloatArray(ry), cuda.toFloatArray(cy), "add_bias " + s[0] + "x" + s[1]);
        }
    }

    // ---- rows and columns ----

    @Test
    void columnReductionsMatchReference() {
        int[][] shapes = {{1, 1}, {7, 13}, {33, 65}, {1000, 257}, {10000, 512}, {70000, 3}};
        for (int[] s : shapes) {
            float[] x = normal(s[0] * s[1], 3, 2);
            Tensor cx = on(cuda, x, s), rx = on(ref, x, s);
            Tensor cs = keep(cuda.zeros(s[1])), rs = keep(ref.zeros(s[1]));
            cuda.columnSums(cx, cs);
            ref.columnSums(rx, rs);
            assertClose(ref.toFloatArray(rs), cuda.toFloatArray(cs), 1e-6, 1e-6, "column_sums " + s[0] + "x" + s[1]);
            for (int ddof = 0; ddof <= Math.min(1, s[0] - 1); ddof++) {
                ColumnStats want = ref.columnMeanVar(rx, ddof), got = cuda.columnMeanVar(cx, ddof);
                assertClose(want.mean(), got.mean(), 1e-12, "column mean " + s[0] + "x" + s[1]);
                assertClose(want.variance(), got.variance(), 1e-10, "column variance " + s[0] + "x" + s[1] + " ddof " + ddof);
                double trace = cuda.covarianceTrace(cx, ddof);
                assertEquals(got.varianceSum(), trace, 0.0, where("trace equals the sum of column variances"));
                assertEquals(ref.covarianceTrace(rx, ddof), trace, 1e-10 * trace, where("covariance trace"));
            }
        }
    }

    /** Mean 1e4, spread 1e-2: the textbook one-pass formula would lose every digit here. */
    @Test
    void varianceSurvivesLargeMeans() {
        int rows = 5000, cols = 7;
        float[] x = normal(rows * cols, 1e4, 1e-2);
        ColumnStats want = ref.columnMeanVar(on(ref, x, rows, cols), 1);
        ColumnStats got = cuda.columnMeanVar(on(cuda, x, rows, cols), 1);
        assertClose(want.variance(), got.variance(), 1e-6, "variance at mean 1e4");
    }

    @Test
    void logSumExpIsStable() {
        for (int[] s : SHAPES) {
            float[] x = normal(s[0] * s[1], 0, 30);
            if (s[0] * s[1] >= 3) {
                x[0] = 1e30f;               // would overflow without the shift
                x[s[1]] = Float.NEGATIVE_INFINITY;
            }
            Tensor co = keep(cuda.zeros(s[0])), ro = keep(ref.zeros(s[0]));
            cuda.logSumExpRows(on(cuda, x, s), co);
            ref.logSumExpRows(on(ref, x, s), ro);
            assertClose(ref.toFloatArray(ro), cuda.toFloatArray(co), 1e-6, 1e-6, "logsumexp " + s[0] + "x" + s[1]);
        }
        float[] special = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f, Float.POSITIVE_INFINITY};
        Tensor out = keep(cuda.zeros(2));
        cuda.logSumExpRows(on(cuda, special, 2, 2), out);
        assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY}, cuda.toFloatArray(out));
    }

    // ---- activations ----

    @Test
    void activationsMatchReference() {
        for (Activation f : Activation.values()) {
            for (int[] s : SHAPES) {
                int n = s[0] * s[1];
                float[] x = normal(n, 0, 3), dy = normal(n, 0, 1);
                Tensor cx = on(cuda, x, s), cy = keep(cuda.zeros(s)), rx = on(ref, x, s), ry = keep(ref.zeros(s));
                cuda.activation(f, 0.1f, cx, cy);
                ref.activation(f, 0.1f, rx, ry);
                float[] want = ref.toFloatArray(ry), got = cuda.toFloatArray(cy);
                boolean exact = f != Activation.TANH && f != Activation.SIGMOID;
                if (exact) assertSameBits(want, got, f + " forward");
                else assertClose(want, got, 4e-7, 2e-7, f + " forward");
                // Backward from the same y on both sides, dx aliasing dy.
                Tensor cdy = on(cuda, dy, s), rdy = on(ref, dy, s), ry2 = on(ref, got, s);
                cuda.activationBackward(f, 0.1f, cx, cy, cdy, cdy);
                ref.activationBackward(f, 0.1f, rx, ry2, rdy, rdy);
                assertSameBits(ref.toFloatArray(rdy), cuda.toFloatArray(cdy), f + " backward");
            }
        }
    }

    // ---- loss ----

    @Test
    void softmaxCrossEntropyMatchesReference() {
        for (int[] s : SHAPES) {
            int rows = s[0], cols = s[1];
            float[] z = normal(rows * cols, 0, 4);
            z[0] = 80f; // exp(80) overflows float without the max shift
            int[] y = new int[rows];
            for (int r = 0; r < rows; r++) y[r] = rnd.nextInt(cols);
            Tensor cg = keep(cuda.zeros(s)), rg = keep(ref.zeros(s));
            double want = ref.softmaxCrossEntropy(on(ref, z, s), keep(ref.fromArray(y, rows)), rg);
            double got = cuda.softmaxCrossEntropy(on(cuda, z, s), keep(cuda.fromArray(y, rows)), cg);
            assertEquals(want, got, 1e-6 * Math.abs(want) + 1e-7, where("loss " + rows + "x" + cols));
            assertClose(ref.toFloatArray(rg), cuda.toFloatArray(cg), 1e-5, 3e-7 / rows, "xent gradient " + rows + "x" + cols);
            // Without a gradient, and with the gradient written over the logits.
            assertEquals(got, cuda.softmaxCrossEntropy(on(cuda, z, s), keep(cuda.fromArray(y, rows)), null), 0.0);
            Tensor alias = on(cuda, z, s);
            assertEquals(got, cuda.softmaxCrossEntropy(alias, keep(cuda.fromArray(y, rows)), alias), 0.0);
            assertClose(ref.toFloatArray(rg), cuda.toFloatArray(alias), 1e-5, 3e-7 / rows, "xent gradient over logits");
        }
    }

    @Test
    void badLabelNamesRowAndLabelAndWritesNothing() {
        int rows = 9, cols = 10;
        int[] y = new int[rows];
        y[5] = 12;
        y[7] = -1;
        float[] z = normal(rows * cols, 0, 1);
        Tensor grad = keep(cuda.zeros(rows, cols));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cuda.softmaxCrossEntropy(on(cuda, z, rows, cols), keep(cuda.fromArray(y, rows)), grad));
        assertTrue(e.getMessage().contains("label 12") && e.getMessage().contains("row 5"), e.getMessage());
        assertArrayEquals(new float[rows * cols], cuda.toFloatArray(grad));
        // The backend stays usable after the failure.
        y[5] = 1;
        y[7] = 0;
        assertTrue(cuda.softmaxCrossEntropy(on(cuda, z, rows, cols), keep(cuda.fromArray(y, rows)), null) > 0);
    }

    // ---- optimizers: the same float rules, so the same bits ----

    @Test
    void optimizersAreBitExact() {
        for (int[] s : SHAPES) {
            int n = s[0] * s[1];
            float[] w = normal(n, 0, 1);
            Tensor cw = on(cuda, w, n), rw = on(ref, w, n), cw2 = on(cuda, w, n), rw2 = on(ref, w, n);
            Tensor cv = keep(cuda.zeros(n)), rv = keep(ref.zeros(n));
            Tensor cm = keep(cuda.zeros(n)), rm = keep(ref.zeros(n)), ca = keep(cuda.zeros(n)), ra = keep(ref.zeros(n));
            for (int step = 1; step <= 5; step++) {
                float[] g = normal(n, 0, 1);
                Tensor cg = on(cuda, g, n), rg = on(ref, g, n);
                boolean nesterov = step % 2 == 0;
                cuda.sgdMomentum(cw, cg, cv, 0.05f, 0.9f, 1e-4f, nesterov);
                ref.sgdMomentum(rw, rg, rv, 0.05f, 0.9f, 1e-4f, nesterov);
                cuda.adam(cw2, cg, cm, ca, 1e-3f, 0.9f, 0.999f, 1e-8f, 1e-2f, step);
                ref.adam(rw2, rg, rm, ra, 1e-3f, 0.9f, 0.999f, 1e-8f, 1e-2f, step);
            }
            assertSameBits(ref.toFloatArray(rw), cuda.toFloatArray(cw), "sgd weights");
            assertSameBits(ref.toFloatArray(rv), cuda.toFloatArray(cv), "sgd momentum");
            assertSameBits(ref.toFloatArray(rw2), cuda.toFloatArray(cw2), "adam weights");
            assertSameBits(ref.toFloatArray(rm), cuda.toFloatArray(cm), "adam m");
            assertSameBits(ref.toFloatArray(ra), cuda.toFloatArray(ca), "adam v");
        }
    }

    // ---- random numbers: bit for bit ----

    @Test
    void randomStreamsAreBitExact() {
        long[] seeds = {0L, 42L, 0x9E3779B97F4A7C15L};
        long[] offsets = {0L, 13L, (1L << 32) - 3};
        int[] sizes = {1, 91, 100_003};
        for (int i = 0; i < seeds.length; i++) {
            RandomStream rs = new RandomStream(seeds[i], i + 1, offsets[i]);
            int n = sizes[i];
            Tensor cu = keep(cuda.zeros(n)), ru = keep(ref.zeros(n));
            cuda.fillUniform(cu, rs, -0.5f, 2f);
            ref.fillUniform(ru, rs, -0.5f, 2f);
            assertSameBits(ref.toFloatArray(ru), cuda.toFloatArray(cu), "uniform " + rs);
            cuda.fillNormal(cu, rs, 0.25f, 1.5f);
            ref.fillNormal(ru, rs, 0.25f, 1.5f);
            assertSameBits(ref.toFloatArray(ru), cuda.toFloatArray(cu), "normal " + rs);
            cuda.fillTruncatedNormal(cu, rs, 0f, 1f, -0.3f, 0.4f); // many rejection rounds
            ref.fillTruncatedNormal(ru, rs, 0f, 1f, -0.3f, 0.4f);
            assertSameBits(ref.toFloatArray(ru), cuda.toFloatArray(cu), "truncated normal " + rs);
            assertArrayEquals(ref.philoxBlocks(rs, n), cuda.philoxBlocks(rs, n), where("philox blocks " + rs));
        }
    }

    @Test
    void allocationReportsDeviceErrors() {
        Tensor t = keep(cuda.allocate(DType.F32, 3, 3));
        assertEquals(9, cuda.toFloatArray(t).length);
        // Far more than any GPU holds: a clean exception naming the size, not a crash.
        RuntimeException e = assertThrows(RuntimeException.class, () -> cuda.allocate(DType.F32, 1 << 30, 1 << 10));
        assertTrue(e.getMessage().contains("cannot allocate"), e.getMessage());
    }
}
