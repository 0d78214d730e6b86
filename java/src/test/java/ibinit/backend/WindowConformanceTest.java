package ibinit.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ibinit.backend.Twin.Pair;
import ibinit.tensor.Tensor;
import ibinit.tensor.Tensor.DType;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The convolution and pooling ops of every native backend that can run here against the
 * reference, on fresh random inputs and awkward geometries. Copies (im2col, bias, max values and
 * their argmax) must match bit for bit; sums (col2im, channel sums, pooling gradients) within
 * float32 rounding of the magnitudes summed.
 */
class WindowConformanceTest {
    private static final Backend REF = NativeUnderTest.REF;

    static Stream<String> backends() { return NativeUnderTest.names(); }

    private static Twin twin(String name, String test) { return NativeUnderTest.twin(name, test); }

    /** n, c, h, w, kernel, stride, padding: 1x1 images, odd sizes, strides 2 and 3, padding 1 and 2, k = 1, even k. */
    private static final int[][] CONV = {
        {1, 1, 1, 1, 1, 1, 0}, {2, 3, 1, 1, 3, 1, 1}, {2, 3, 5, 7, 3, 1, 1}, {3, 2, 9, 8, 3, 2, 0}, {2, 3, 6, 5, 4, 2, 2},
        {1, 2, 4, 4, 1, 1, 0}, {5, 3, 13, 11, 5, 3, 2}, {4, 1, 28, 28, 3, 1, 0}, {2, 5, 7, 7, 2, 2, 0}, {1, 3, 3, 3, 3, 1, 2}};

    /** n, c, h, w, kernel, stride, padding (at most kernel / 2): overlapping windows and ragged edges too. */
    private static final int[][] POOL = {
        {1, 1, 1, 1, 1, 1, 0}, {2, 3, 5, 7, 2, 2, 0}, {2, 3, 5, 7, 3, 2, 1}, {3, 2, 8, 9, 3, 1, 1}, {1, 4, 28, 28, 2, 2, 0},
        {2, 1, 6, 6, 4, 3, 2}, {1, 1, 2, 2, 3, 1, 1}, {2, 5, 11, 4, 3, 3, 0}};

    private static String geometry(int[] g) {
        return String.format("x [%d, %d, %d, %d], k %d, s %d, p %d", g[0], g[1], g[2], g[3], g[4], g[5], g[6]);
    }

    private static int out(int in, int k, int s, int p) { return (in + 2 * p - k) / s + 1; }

    @ParameterizedTest @MethodSource("backends")
    void im2colCopiesExactly(String name) {
        try (Twin t = twin(name, "im2col")) {
            for (int[] g : CONV) {
                int n = g[0], c = g[1], h = g[2], w = g[3], k = g[4], s = g[5], p = g[6];
                int[] colsShape = {n, c * k * k, out(h, k, s, p) * out(w, k, s, p)};
                Pair x = t.pair(t.normal(n * c * h * w, 1), n, c, h, w);
                // Start from garbage: im2col must write every entry, zeros in the padding included.
                Pair cols = t.pair(t.normal(colsShape[0] * colsShape[1] * colsShape[2], 5), colsShape);
                t.under.im2col(x.under(), k, s, p, cols.under());
                t.ref.im2col(x.ref(), k, s, p, cols.ref());
                t.assertSameBits(t.ref.toFloatArray(cols.ref()), t.under.toFloatArray(cols.under()), "im2col " + geometry(g));
            }
        }
    }

    @ParameterizedTest @MethodSource("backends")
    void col2imSumsWithinRounding(String name) {
        try (Twin t = twin(name, "col2im")) {
            for (int[] g : CONV) {
                int n = g[0], c = g[1], h = g[2], w = g[3], k = g[4], s = g[5], p = g[6];
                int[] colsShape = {n, c * k * k, out(h, k, s, p) * out(w, k, s, p)};
                float[] cv = t.normal(colsShape[0] * colsShape[1] * colsShape[2], 1);
                Pair cols = t.pair(cv, colsShape);
                Pair dx = t.pair(t.normal(n * c * h * w, 5), n, c, h, w); // overwritten
                t.under.col2im(cols.under(), k, s, p, dx.under());
                t.ref.col2im(cols.ref(), k, s, p, dx.ref());
                float[] mag = magnitude(t, cv, colsShape, (abs, m) -> t.ref.col2im(abs, k, s, p, m), n, c, h, w);
                t.assertClose(t.ref.toFloatArray(dx.ref()), t.under.toFloatArray(dx.under()),
                        i -> 1e-6 * k * k * mag[i] + 1e-7, "col2im " + geometry(g));
            }
        }
    }

    @ParameterizedTest @MethodSource("backends")
    void channelBiasAndSums(String name) {
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {2, 3, 4, 5}, {7, 1, 676}, {2, 33, 1}, {0, 4, 3}, {4, 2, 0}};
        try (Twin t = twin(name, "channel bias and sums")) {
            for (int[] s : shapes) {
                int size = Math.toIntExact(Tensor.sizeOf(s));
                float[] xv = t.normal(size, 3);
                Pair x = t.pair(xv, s), bias = t.pair(t.normal(s[1], 1), s[1]);
                t.under.addChannelBias(x.under(), bias.under());
                t.ref.addChannelBias(x.ref(), bias.ref());
                float[] biased = t.ref.toFloatArray(x.ref());
                t.assertSameBits(biased, t.under.toFloatArray(x.under()), "addChannelBias " + Arrays.toString(s));
                Pair sums = t.pair(t.normal(s[1], 5), s[1]); // overwritten
                t.under.channelSums(x.under(), sums.under());
                t.ref.channelSums(x.ref(), sums.ref());
                double[] mag = new double[s[1]];
                int hw = s[0] == 0 || s[1] == 0 ? 0 : size / (s[0] * s[1]);
                for (int i = 0; i < size; i++) mag[i / hw % s[1]] += Math.abs(biased[i]);
                t.assertClose(t.ref.toFloatArray(sums.ref()), t.under.toFloatArray(sums.under()),
                        i -> 1e-6 * mag[i] + 1e-7, "channelSums " + Arrays.toString(s));
            }
        }
    }

    @ParameterizedTest @MethodSource("backends")
    void maxPoolMatchesValuesAndWinners(String name) {
        try (Twin t = twin(name, "max-pool")) {
            for (int[] g : POOL) {
                int n = g[0], c = g[1], h = g[2], w = g[3], k = g[4], s = g[5], p = g[6];
                int oh = out(h, k, s, p), ow = out(w, k, s, p);
                // Small integers make ties common; a few NaNs and infinities test the winner rule.
                float[] xv = new float[n * c * h * w];
                for (int i = 0; i < xv.length; i++) {
                    int r = t.rnd.nextInt(40);
                    xv[i] = r == 0 ? Float.NaN : r == 1 ? Float.NEGATIVE_INFINITY : r == 2 ? Float.POSITIVE_INFINITY
                            : t.rnd.nextInt(7) - 3;
                }
                Pair x = t.pair(xv, n, c, h, w), y = t.pair(t.normal(n * c * oh * ow, 5), n, c, oh, ow);
                Pair arg = t.pair(t.rnd.ints(n * c * oh * ow).toArray(), n, c, oh, ow);
                t.under.maxPool(x.under(), k, s, p, y.under(), arg.under());
                t.ref.maxPool(x.ref(), k, s, p, y.ref(), arg.ref());
                t.assertSameBits(t.ref.toFloatArray(y.ref()), t.under.toFloatArray(y.under()), "maxPool " + geometry(g));
                assertArrayEquals(t.ref.toIntArray(arg.ref()), t.under.toIntArray(arg.under()), t.where("maxPool argmax " + geometry(g)));
            }
        }
    }

    @ParameterizedTest @MethodSource("backends")
    void maxPoolBackwardSumsWithinRounding(String name) {
        try (Twin t = twin(name, "max-pool backward")) {
            for (int[] g : POOL) {
                int n = g[0], c = g[1], h = g[2], w = g[3], k = g[4], s = g[5], p = g[6];
                int oh = out(h, k, s, p), ow = out(w, k, s, p);
                Pair x = t.pair(t.normal(n * c * h * w, 1), n, c, h, w);
                Tensor y = t.keep(t.ref.zeros(n, c, oh, ow)), argRef = t.keep(t.ref.allocate(DType.I32, n, c, oh, ow));
                t.ref.maxPool(x.ref(), k, s, p, y, argRef);
                int[] winners = t.ref.toIntArray(argRef);
                float[] dyv = t.normal(n * c * oh * ow, 1);
                Pair dy = t.pair(dyv, n, c, oh, ow), arg = t.pair(winners, n, c, oh, ow);
                Pair dx = t.pair(t.normal(n * c * h * w, 5), n, c, h, w); // overwritten
                t.under.maxPoolBackward(dy.under(), arg.under(), k, s, p, dx.under());
                t.ref.maxPoolBackward(dy.ref(), arg.ref(), k, s, p, dx.ref());
                float[] mag = magnitude(t, dyv, new int[] {n, c, oh, ow},
                        (abs, m) -> t.ref.maxPoolBackward(abs, arg.ref(), k, s, p, m), n, c, h, w);
                t.assertClose(t.ref.toFloatArray(dx.ref()), t.under.toFloatArray(dx.under()),
                        i -> 1e-6 * k * k * mag[i] + 1e-7, "maxPoolBackward " + geometry(g));
            }
        }
    }

    /** CPU and CUDA add the terms of each sum in the order ibinit_scalar.h fixes, so their sums agree bit for bit. */
    @Test
    void nativeBackendsSumInTheSameOrder() {
        List<Backend> b = NativeUnderTest.natives();
        Assumptions.assumeTrue(b.size() >= 2, "needs two native backends, found " + b.size());
        Backend one = b.get(0), two = b.get(1);
        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        String where = " [" + one.name() + " vs " + two.name() + ", seed " + seed + "]";
        for (int[] g : CONV) {
            int n = g[0], c = g[1], h = g[2], w = g[3], k = g[4], s = g[5], p = g[6];
            int[] colsShape = {n, c * k * k, out(h, k, s, p) * out(w, k, s, p)};
            float[] cv = gaussian(rnd, colsShape[0] * colsShape[1] * colsShape[2]);
            assertArrayEquals(col2im(one, cv, colsShape, g), col2im(two, cv, colsShape, g), "col2im " + geometry(g) + where);
        }
        for (int[] g : POOL) {
            int n = g[0], c = g[1], h = g[2], w = g[3], k = g[4], s = g[5], p = g[6];
            int[] pooled = {n, c, out(h, k, s, p), out(w, k, s, p)};
            float[] xv = gaussian(rnd, n * c * h * w), dyv = gaussian(rnd, n * c * pooled[2] * pooled[3]);
            assertArrayEquals(poolGrad(one, xv, dyv, pooled, g), poolGrad(two, xv, dyv, pooled, g),
                    "maxPoolBackward " + geometry(g) + where);
        }
    }

    private static float[] col2im(Backend be, float[] cv, int[] colsShape, int[] g) {
        try (Tensor cols = be.fromArray(cv, colsShape); Tensor dx = be.zeros(g[0], g[1], g[2], g[3])) {
            be.col2im(cols, g[4], g[5], g[6], dx);
            return be.toFloatArray(dx);
        }
    }

    private static float[] poolGrad(Backend be, float[] xv, float[] dyv, int[] pooled, int[] g) {
        try (Tensor x = be.fromArray(xv, g[0], g[1], g[2], g[3]); Tensor y = be.zeros(pooled);
             Tensor arg = be.allocate(DType.I32, pooled); Tensor dy = be.fromArray(dyv, pooled);
             Tensor dx = be.zeros(g[0], g[1], g[2], g[3])) {
            be.maxPool(x, g[4], g[5], g[6], y, arg);
            be.maxPoolBackward(dy, arg, g[4], g[5], g[6], dx);
            return be.toFloatArray(dx);
        }
    }

    private static float[] gaussian(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) rnd.nextGaussian();
        return v;
    }

    /** The reference's op applied to |input|: the sum of magnitudes that bounds each output's rounding. */
    private static float[] magnitude(Twin t, float[] input, int[] inputShape, java.util.function.BiConsumer<Tensor, Tensor> op,
                                     int... outShape) {
        float[] abs = input.clone();
        for (int i = 0; i < abs.length; i++) abs[i] = Math.abs(abs[i]);
        Tensor a = t.keep(t.ref.fromArray(abs, inputShape)), m = t.keep(t.ref.zeros(outShape));
        op.accept(a, m);
        return t.ref.toFloatArray(m);
    }
}
