package ibinit.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ibinit.backend.Twin.Pair;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The R-operator ops behind exact Hessian-vector products (activation backward's directional
 * derivative, the softmax cross-entropy Hessian times a direction, the gather through pooling
 * winners) of every native backend that runs here against the reference, on fresh random inputs.
 */
class SecondOrderConformanceTest {
    private static final Backend REF = NativeUnderTest.REF;

    static Stream<String> backends() { return NativeUnderTest.names(); }

    private static final int[][] SHAPES = {{1, 1}, {3, 7}, {64, 100}, {5, 1031}};

    @ParameterizedTest @MethodSource("backends")
    void activationBackwardR(String name) {
        try (Twin t = NativeUnderTest.twin(name, "activationBackwardR")) {
            for (int[] s : SHAPES) {
                int n = s[0] * s[1];
                for (Activation f : Activation.values()) {
                    float slope = 0.05f;
                    float[] xv = t.normal(n, 2), dyv = t.normal(n, 1), rxv = t.normal(n, 1), rdyv = t.normal(n, 1);
                    Pair x = t.pair(xv, s), y = t.pair(new float[n], s);
                    t.ref.activation(f, slope, x.ref(), y.ref());
                    float[] yv = t.ref.toFloatArray(y.ref()); // the same y on both, so only the new op is compared
                    Pair yy = t.pair(yv, s), dy = t.pair(dyv, s), rx = t.pair(rxv, s), rdy = t.pair(rdyv, s);
                    Pair rdx = t.pair(new float[n], s);
                    t.under.activationBackwardR(f, slope, x.under(), yy.under(), dy.under(), rx.under(), rdy.under(), rdx.under());
                    t.ref.activationBackwardR(f, slope, x.ref(), yy.ref(), dy.ref(), rx.ref(), rdy.ref(), rdx.ref());
                    float[] want = t.ref.toFloatArray(rdx.ref());
                    // Products of a few float terms: an fma or a reordered product moves them by a few ulps.
                    Twin.Bound bound = i -> 1e-6 * (Math.abs(rdyv[i]) + Math.abs(dyv[i] * rxv[i])) + 1e-7;
                    t.assertClose(want, t.under.toFloatArray(rdx.under()), bound, f + " " + n);
                    t.under.activationBackwardR(f, slope, x.under(), yy.under(), dy.under(), rx.under(), rdy.under(), rdy.under());
                    t.assertClose(want, t.under.toFloatArray(rdy.under()), bound, f + " " + n + ", rdx aliasing rdy");
                }
            }
        }
    }

    @ParameterizedTest @MethodSource("backends")
    void softmaxCrossEntropyR(String name) {
        try (Twin t = NativeUnderTest.twin(name, "softmaxCrossEntropyR")) {
            for (int[] s : SHAPES) {
                int n = s[0] * s[1];
                for (double scale : new double[] {1, 30}) {
                    float[] rv = t.normal(n, 1);
                    Pair z = t.pair(t.normal(n, scale), s), r = t.pair(rv, s), out = t.pair(t.normal(n, 1), s);
                    t.under.softmaxCrossEntropyR(z.under(), r.under(), out.under());
                    t.ref.softmaxCrossEntropyR(z.ref(), r.ref(), out.ref());
                    double maxR = 0;
                    for (float v : rv) maxR = Math.max(maxR, Math.abs(v));
                    double bound = 1e-6 * maxR / s[0] + 1e-9;
                    t.assertClose(t.ref.toFloatArray(out.ref()), t.under.toFloatArray(out.under()), i -> bound,
                            "logits " + s[0] + "x" + s[1] + " scale " + scale);
                }
            }
        }
    }

    @ParameterizedTest @MethodSource("backends")
    void maxPoolGatherCopiesExactly(String name) {
        try (Twin t = NativeUnderTest.twin(name, "maxPoolGather")) {
            int[][] geometries = {{1, 1, 1, 1, 1, 1, 0}, {2, 3, 5, 7, 2, 2, 0}, {2, 3, 5, 7, 3, 2, 1}, {3, 2, 8, 9, 3, 1, 1}};
            for (int[] g : geometries) {
                int n = g[0], c = g[1], h = g[2], w = g[3], k = g[4], st = g[5], p = g[6];
                int oh = (h + 2 * p - k) / st + 1, ow = (w + 2 * p - k) / st + 1;
                Pair x = t.pair(t.normal(n * c * h * w, 1), n, c, h, w);
                Pair y = t.pair(new float[n * c * oh * ow], n, c, oh, ow);
                Pair arg = t.pair(new int[n * c * oh * ow], n, c, oh, ow);
                t.ref.maxPool(x.ref(), k, st, p, y.ref(), arg.ref());
                int[] winners = t.ref.toIntArray(arg.ref());
                Pair a = t.pair(winners, n, c, oh, ow);
                Pair r = t.pair(t.normal(n * c * h * w, 1), n, c, h, w);
                Pair out = t.pair(t.normal(n * c * oh * ow, 3), n, c, oh, ow); // garbage: every entry is written
                t.under.maxPoolGather(r.under(), a.under(), out.under());
                t.ref.maxPoolGather(r.ref(), a.ref(), out.ref());
                t.assertSameBits(t.ref.toFloatArray(out.ref()), t.under.toFloatArray(out.under()), "gather " + java.util.Arrays.toString(g));
            }
        }
    }

    /** The reference against the formulas written out: the Hessian of a 3-class softmax, and f'' of tanh and sigmoid. */
    @Test
    void referenceMatchesClosedForms() {
        float[] z = {0.3f, -1.2f, 2.0f}, r = {1.5f, -0.5f, 0.25f};
        double[] p = new double[3];
        double sum = 0;
        for (int c = 0; c < 3; c++) sum += Math.exp(z[c]);
        for (int c = 0; c < 3; c++) p[c] = Math.exp(z[c]) / sum;
        try (var zt = REF.fromArray(z, 1, 3); var rt = REF.fromArray(r, 1, 3); var out = REF.zeros(1, 3)) {
            REF.softmaxCrossEntropyR(zt, rt, out);
            float[] got = REF.toFloatArray(out);
            for (int i = 0; i < 3; i++) {
                double hr = 0; // (diag(p) - p p^T) r
                for (int j = 0; j < 3; j++) hr += ((i == j ? p[i] : 0) - p[i] * p[j]) * r[j];
                assertEquals(hr, got[i], 1e-6);
            }
            assertThrows(IllegalArgumentException.class, () -> REF.softmaxCrossEntropyR(zt, rt, zt));
        }
        float x = 0.7f;
        double th = Math.tanh(x), sg = 1 / (1 + Math.exp(-x));
        try (var xt = REF.fromArray(new float[] {x}, 1); var yt = REF.zeros(1); var dy = REF.fromArray(new float[] {1f}, 1);
             var rx = REF.fromArray(new float[] {1f}, 1); var rdy = REF.zeros(1); var rdx = REF.zeros(1)) {
            REF.activation(Activation.TANH, 0, xt, yt);
            REF.activationBackwardR(Activation.TANH, 0, xt, yt, dy, rx, rdy, rdx);
            assertEquals(-2 * th * (1 - th * th), REF.toFloatArray(rdx)[0], 1e-6);
            REF.activation(Activation.SIGMOID, 0, xt, yt);
            REF.activationBackwardR(Activation.SIGMOID, 0, xt, yt, dy, rx, rdy, rdx);
            assertEquals(sg * (1 - sg) * (1 - 2 * sg), REF.toFloatArray(rdx)[0], 1e-6);
        }
    }
}
