package ibinit.backend;

import static org.junit.jupiter.api.Assertions.assertThrows;

import ibinit.backend.Twin.Pair;
import ibinit.tensor.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused dense + activation ops and the row gather of ibinit.info: every native backend
 * against the reference on fresh random inputs and awkward shapes, and the reference itself
 * against the unfused ops it replaces (so the oracle is checked too).
 */
class DenseActivationConformanceTest {
    private static final Backend REF = NativeUnderTest.REF;

    /** rows, in, out: odd sizes, empty ones, one output (a critic's last layer), and sizes that use the threads. */
    private static final int[][] SHAPES = {{1, 1, 1}, {7, 13, 5}, {33, 65, 17}, {256, 300, 1}, {0, 4, 3}, {5, 0, 3},
            {3, 4, 0}, {300, 2, 600}, {129, 31, 257}};

    static Stream<String> backends() { return NativeUnderTest.names(); }

    private static Twin twin(String name, String test) { return NativeUnderTest.twin(name, test); }

    private static float slope(Twin t, Activation f) { return f == Activation.LEAKY_RELU ? (float) (0.5 * t.rnd.nextDouble()) : 0f; }

    /** sum_k |x[r,k]| |w[o,k]| + |b[o]|: the scale of the float rounding of one output. */
    private static double[] magnitude(float[] x, float[] w, float[] b, int rows, int in, int out) {
        double[] m = new double[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double s = Math.abs(b[o]);
                for (int k = 0; k < in; k++) s += Math.abs(x[r * in + k] * w[o * in + k]);
                m[r * out + o] = s;
            }
        }
        return m;
    }

    @ParameterizedTest @MethodSource("backends")
    void forwardMatchesReference(String name) {
        try (Twin t = twin(name, "dense+activation forward")) {
            for (int[] s : SHAPES) {
                for (Activation f : Activation.values()) {
                    int rows = s[0], in = s[1], out = s[2];
                    float[] xv = t.normal(rows * in, 1), wv = t.normal(out * in, 0.5), bv = t.normal(out, 1);
                    float p = slope(t, f);
                    Pair x = t.pair(xv, rows, in), w = t.pair(wv, out, in), b = t.pair(bv, out);
                    Pair y = t.pair(t.normal(rows * out, 1), rows, out); // garbage in y must not leak in
                    t.under.denseActivationForward(x.under(), w.under(), b.under(), f, p, y.under());
                    t.ref.denseActivationForward(x.ref(), w.ref(), b.ref(), f, p, y.ref());
                    double[] mag = magnitude(xv, wv, bv, rows, in, out);
                    t.assertClose(t.ref.toFloatArray(y.ref()), t.under.toFloatArray(y.under()), i -> 1e-5 * mag[i] + 1e-6,
                            String.format("forward %s(%s) rows=%d in=%d out=%d", f, p, rows, in, out));
                }
            }
        }
    }

    @ParameterizedTest @MethodSource("backends")
    void backwardMatchesReference(String name) {
        try (Twin t = twin(name, "dense+activation backward")) {
            for (int[] s : SHAPES) {
                for (Activation f : Activation.values()) {
                    for (boolean withDx : new boolean[] {false, true}) backwardCase(t, s[0], s[1], s[2], f, withDx);
                }
            }
        }
    }

    private static void backwardCase(Twin t, int rows, int in, int out, Activation f, boolean withDx) {
        float[] xv = t.normal(rows * in, 1), wv = t.normal(out * in, 0.5), yv = t.normal(rows * out, 0.6), dyv = t.normal(rows * out, 1);
        if (f == Activation.SIGMOID || f == Activation.RELU) for (int i = 0; i < yv.length; i++) yv[i] = Math.abs(yv[i]);
        float p = slope(t, f);
        Pair x = t.pair(xv, rows, in), w = t.pair(wv, out, in), y = t.pair(yv, rows, out), dy = t.pair(dyv, rows, out);
        Pair dw = t.pair(t.normal(out * in, 1), out, in), db = t.pair(t.normal(out, 1), out);
        Pair dx = withDx ? t.pair(t.normal(rows * in, 1), rows, in) : new Pair(null, null);
        t.under.denseActivationBackward(x.under(), w.under(), f, p, y.under(), dy.under(), dw.under(), db.under(), dx.under());
        t.ref.denseActivationBackward(x.ref(), w.ref(), f, p, y.ref(), dy.ref(), dw.ref(), db.ref(), dx.ref());
        String what = String.format("backward %s(%s) rows=%d in=%d out=%d dx=%b", f, p, rows, in, out, withDx);
        float[] d = t.ref.toFloatArray(dy.ref()); // d(loss)/d(pre-activation), computed elementwise in float
        t.assertClose(d, t.under.toFloatArray(dy.under()), i -> 1e-6 * Math.abs(d[i]), what + ": d");
        double[] dwMag = new double[out * in], dbMag = new double[out], dxMag = new double[rows * in];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double a = Math.abs(d[r * out + o]);
                dbMag[o] += a;
                for (int k = 0; k < in; k++) {
                    dwMag[o * in + k] += a * Math.abs(xv[r * in + k]);
                    dxMag[r * in + k] += a * Math.abs(wv[o * in + k]);
                }
            }
        }
        t.assertClose(t.ref.toFloatArray(dw.ref()), t.under.toFloatArray(dw.under()), i -> 1e-5 * dwMag[i] + 1e-6, what + ": dw");
        t.assertClose(t.ref.toFloatArray(db.ref()), t.under.toFloatArray(db.under()), i -> 1e-5 * dbMag[i] + 1e-6, what + ": db");
        if (withDx) t.assertClose(t.ref.toFloatArray(dx.ref()), t.under.toFloatArray(dx.under()), i -> 1e-5 * dxMag[i] + 1e-6, what + ": dx");
    }

    @ParameterizedTest @MethodSource("backends")
    void gatherRowsCopiesExactly(String name) {
        try (Twin t = twin(name, "gather rows")) {
            int[][] cases = {{1, 1, 1, 0, 0, 1}, {50, 7, 20, 2, 3, 4}, {3, 1000, 513, 0, 1, 999}, {64, 13, 13, 0, 0, 13}};
            for (int[] c : cases) { // src rows, src cols, dst rows, src col, dst col, cols
                int srcRows = c[0], srcCols = c[1], dstRows = c[2], srcCol = c[3], dstCol = c[4], cols = c[5];
                int dstCols = dstCol + cols + t.rnd.nextInt(3);
                int[] idx = t.rnd.ints(dstRows, 0, srcRows).toArray();
                Pair src = t.pair(t.normal(srcRows * srcCols, 1), srcRows, srcCols);
                Pair dst = t.pair(t.normal(dstRows * dstCols, 1), dstRows, dstCols);
                t.under.gatherRows(src.under(), srcCol, idx, dst.under(), dstCol, cols);
                t.ref.gatherRows(src.ref(), srcCol, idx, dst.ref(), dstCol, cols);
                t.assertSameBits(t.ref.toFloatArray(dst.ref()), t.under.toFloatArray(dst.under()),
                        "gather " + java.util.Arrays.toString(c));
            }
        }
    }

    // ---- the reference itself, against the ops the fused ones replace ----

    @Test
    void referenceForwardEqualsGemmBiasActivation() {
        try (Twin t = new Twin(REF, REF, "reference fused forward")) {
            for (Activation f : Activation.values()) {
                int rows = 9, in = 11, out = 6;
                float p = slope(t, f);
                Tensor x = t.keep(REF.fromArray(t.normal(rows * in, 1), rows, in));
                Tensor w = t.keep(REF.fromArray(t.normal(out * in, 0.5), out, in));
                Tensor b = t.keep(REF.fromArray(t.normal(out, 1), out));
                Tensor fused = t.keep(REF.zeros(rows, out)), plain = t.keep(REF.zeros(rows, out));
                REF.denseActivationForward(x, w, b, f, p, fused);
                REF.gemm(false, true, 1f, x, w, 0f, plain);
                REF.addBias(plain, b);
                REF.activation(f, p, plain, plain);
                t.assertClose(REF.toFloatArray(plain), REF.toFloatArray(fused), i -> 1e-5, "fused vs unfused " + f);
            }
        }
    }

    @Test
    void referenceBackwardEqualsActivationBackwardAndGemms() {
        try (Twin t = new Twin(REF, REF, "reference fused backward")) {
            for (Activation f : Activation.values()) {
                int rows = 9, in = 11, out = 6;
                float p = slope(t, f);
                Tensor x = t.keep(REF.fromArray(t.normal(rows * in, 1), rows, in));
                Tensor w = t.keep(REF.fromArray(t.normal(out * in, 0.5), out, in));
                Tensor b = t.keep(REF.fromArray(t.normal(out, 1), out));
                Tensor pre = t.keep(REF.zeros(rows, out)), y = t.keep(REF.zeros(rows, out));
                REF.gemm(false, true, 1f, x, w, 0f, pre);
                REF.addBias(pre, b);
                REF.activation(f, p, pre, y);
                float[] dyv = t.normal(rows * out, 1);
                Tensor dy = t.keep(REF.fromArray(dyv, rows, out)), dpre = t.keep(REF.zeros(rows, out));
                REF.activationBackward(f, p, pre, y, t.keep(REF.fromArray(dyv, rows, out)), dpre);
                Tensor dw = t.keep(REF.zeros(out, in)), db = t.keep(REF.zeros(out)), dx = t.keep(REF.zeros(rows, in));
                REF.denseActivationBackward(x, w, f, p, y, dy, dw, db, dx);
                Tensor dw2 = t.keep(REF.zeros(out, in)), db2 = t.keep(REF.zeros(out)), dx2 = t.keep(REF.zeros(rows, in));
                REF.gemm(true, false, 1f, dpre, x, 0f, dw2);
                REF.columnSums(dpre, db2);
                REF.gemm(false, false, 1f, dpre, w, 0f, dx2);
                t.assertClose(REF.toFloatArray(dpre), REF.toFloatArray(dy), i -> 1e-6, "d(pre) " + f);
                t.assertClose(REF.toFloatArray(dw2), REF.toFloatArray(dw), i -> 1e-5, "dw " + f);
                t.assertClose(REF.toFloatArray(db2), REF.toFloatArray(db), i -> 1e-5, "db " + f);
                t.assertClose(REF.toFloatArray(dx2), REF.toFloatArray(dx), i -> 1e-5, "dx " + f);
            }
        }
    }

    @Test
    void badArgumentsAreRefusedWithTheShapes() {
        try (Tensor x = REF.zeros(4, 3); Tensor w = REF.zeros(2, 3); Tensor b = REF.zeros(2); Tensor y = REF.zeros(4, 2);
             Tensor wrong = REF.zeros(4, 5)) {
            assertThrows(IllegalArgumentException.class, () -> REF.denseActivationForward(x, w, b, Activation.LEAKY_RELU, -0.1f, y));
            assertThrows(IllegalArgumentException.class, () -> REF.denseActivationForward(x, w, b, Activation.RELU, 0f, wrong));
            assertThrows(IllegalArgumentException.class, () -> REF.denseActivationForward(wrong, w, b, Activation.RELU, 0f, y));
            assertThrows(IllegalArgumentException.class, () -> REF.gatherRows(x, 0, new int[] {0, 4}, y, 0, 2));
            assertThrows(IllegalArgumentException.class, () -> REF.gatherRows(x, 2, new int[] {0, 1}, y, 0, 2));
            assertThrows(IllegalArgumentException.class, () -> REF.gatherRows(x, 0, new int[] {0, 1, 2, 3, 0}, y, 0, 1));
        }
    }
}
