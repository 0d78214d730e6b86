package ibinit.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Twin.Pair;
import ibinit.tensor.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every native backend that can run here (from {@link Backends#openAvailable()}) against the
 * reference, op by op, on fresh random inputs and awkward shapes. Float results must agree within
 * float32 rounding; random fills bit for bit. With no native backend every case reports skipped.
 */
class BackendConformanceTest {
    private static final Backend REF = NativeUnderTest.REF;

    static Stream<String> backends() { return NativeUnderTest.names(); }

    private static Twin twin(String name, String test) { return NativeUnderTest.twin(name, test); }

    /** Row x column shapes that are not multiples of any vector width, plus the degenerate ones. */
    private static final int[][] SHAPES = {{1, 1}, {7, 13}, {33, 65}, {1, 1000}, {1000, 1}, {3, 257}};

    private static final boolean[] BOTH = {false, true};

    // ---- memory ----

    @ParameterizedTest @MethodSource("backends")
    void memoryRoundTrips(String name) {
        try (Twin t = twin(name, "memory")) {
            for (int[] s : SHAPES) {
                float[] v = t.normal(s[0] * s[1], 1);
                Tensor x = t.keep(t.under.fromArray(v, s));
                t.assertSameBits(v, t.under.toFloatArray(x), "fromArray/toFloatArray " + x.describe());
                Tensor y = t.keep(t.under.zeros(s[0] * s[1]));
                t.assertSameBits(new float[v.length], t.under.toFloatArray(y), "zeros " + y.describe());
                t.under.copy(x, y);
                t.assertSameBits(v, t.under.toFloatArray(y), "copy " + y.describe());
                int[] labels = t.rnd.ints(v.length).toArray();
                assertArrayEquals(labels, t.under.toIntArray(t.keep(t.under.fromArray(labels, s))), t.where("int32 round trip"));
            }
        }
    }

    // ---- linear algebra ----

    /** m, n, k: degenerate, odd, long and thin, and the MLP's first layer. */
    private static final int[][] GEMM = {{1, 1, 1}, {7, 13, 5}, {33, 65, 17}, {1, 1000, 3}, {1000, 1, 7}, {13, 7, 1},
        {9, 11, 1000}, {128, 512, 784},
        {128, 100, 784}, {100, 50, 700}}; // the last two: cut finer than the usual blocks (native/cpu/gemm.c, MIN_BLOCKS)

    @ParameterizedTest @MethodSource("backends")
    void gemm(String name) {
        try (Twin t = twin(name, "gemm")) {
            for (int[] s : GEMM) {
                for (boolean ta : BOTH) {
                    for (boolean tb : BOTH) gemmCase(t, s[0], s[1], s[2], ta, tb);
                }
            }
        }
    }

    static void gemmCase(Twin t, int m, int n, int k, boolean ta, boolean tb) {
        int[] aShape = ta ? new int[] {k, m} : new int[] {m, k};
        int[] bShape = tb ? new int[] {n, k} : new int[] {k, n};
        float[] av = t.normal(m * k, 1), bv = t.normal(k * n, 1), cv = t.normal(m * n, 1);
        float alpha = t.rnd.nextBoolean() ? 1f : (float) t.rnd.nextGaussian();
        float beta = switch (t.rnd.nextInt(3)) { case 0 -> 0f; case 1 -> 1f; default -> (float) t.rnd.nextGaussian(); };
        Pair a = t.pair(av, aShape), b = t.pair(bv, bShape), c = t.pair(cv, m, n);
        t.under.gemm(ta, tb, alpha, a.under(), b.under(), beta, c.under());
        t.ref.gemm(ta, tb, alpha, a.ref(), b.ref(), beta, c.ref());
        // The error bound scales with sum_k |a||b|, computed by the reference on absolute values.
        Tensor absA = t.keep(t.ref.fromArray(abs(av), aShape)), absB = t.keep(t.ref.fromArray(abs(bv), bShape));
        Tensor mag = t.keep(t.ref.zeros(m, n));
        t.ref.gemm(ta, tb, 1f, absA, absB, 0f, mag);
        float[] magv = t.ref.toFloatArray(mag);
        t.assertClose(t.ref.toFloatArray(c.ref()), t.under.toFloatArray(c.under()),
                i -> 1e-5 * (Math.abs(alpha) * magv[i] + Math.abs(beta * cv[i])) + 1e-6,
                String.format("gemm m=%d n=%d k=%d transA=%b transB=%b alpha=%s beta=%s", m, n, k, ta, tb, alpha, beta));
    }

    private static float[] abs(float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Math.abs(v[i]);
        return out;
    }

    /** BLAS convention: with beta = 0, c is written, never read. */
    @ParameterizedTest @MethodSource("backends")
    void gemmWithBetaZeroIgnoresNaNInC(String name) {
        try (Twin t = twin(name, "gemm beta=0")) {
            float[] nan = new float[7 * 5];
            java.util.Arrays.fill(nan, Float.NaN);
            Pair a = t.pair(t.normal(7 * 3, 1), 7, 3), b = t.pair(t.normal(3 * 5, 1), 3, 5), c = t.pair(nan, 7, 5);
            t.under.gemm(false, false, 1f, a.under(), b.under(), 0f, c.under());
            t.ref.gemm(false, false, 1f, a.ref(), b.ref(), 0f, c.ref());
            t.assertClose(t.ref.toFloatArray(c.ref()), t.under.toFloatArray(c.under()), i -> 1e-5, "gemm beta=0 over NaN");
        }
    }

    @ParameterizedTest @MethodSource("backends")
    void axpyScaleAddBias(String name) {
        try (Twin t = twin(name, "axpy/scale/addBias")) {
            for (int[] s : SHAPES) {
                int n = s[0] * s[1];
                float[] xv = t.normal(n, 1), yv = t.normal(n, 1);
                float alpha = (float) t.rnd.nextGaussian();
                Pair x = t.pair(xv, s), y = t.pair(yv, s);
                t.under.axpy(alpha, x.under(), y.under());
                t.ref.axpy(alpha, x.ref(), y.ref());
                // One multiply and one add: a fused multiply-add may differ by an ulp.
                t.assertClose(t.ref.toFloatArray(y.ref()), t.under.toFloatArray(y.under()),
                        i -> 1e-6 * (Math.abs(yv[i]) + Math.abs(alpha * xv[i])), "axpy " + n);
                t.under.scale(alpha, x.under());
                t.ref.scale(alpha, x.ref());
                t.assertSameBits(t.ref.toFloatArray(x.ref()), t.under.toFloatArray(x.under()), "scale " + n);
                Pair bias = t.pair(t.normal(s[1], 1), s[1]);
                t.under.addBias(y.under(), bias.under());
                t.ref.addBias(y.ref(), bias.ref());
                t.assertSameBits(t.ref.toFloatArray(y.ref()), t.under.toFloatArray(y.under()), "addBias " + y.ref().describe());
            }
        }
    }

    // ---- rows and columns ----

    @ParameterizedTest @MethodSource("backends")
    void columnSums(String name) {
        try (Twin t = twin(name, "columnSums")) {
            for (int[] s : SHAPES) {
                float[] xv = t.normal(s[0] * s[1], 2);
                Pair x = t.pair(xv, s), out = t.pair(t.normal(s[1], 1), s[1]); // out is overwritten
                t.under.columnSums(x.under(), out.under());
                t.ref.columnSums(x.ref(), out.ref());
                double[] absSum = new double[s[1]];
                for (int i = 0; i < xv.length; i++) absSum[i % s[1]] += Math.abs(xv[i]);
                t.assertClose(t.ref.toFloatArray(out.ref()), t.under.toFloatArray(out.under()),
                        i -> 1e-5 * absSum[i] + 1e-30, "columnSums " + x.ref().describe());
            }
        }
    }

    /** Columns with a mean far from zero catch one-pass formulas that cancel catastrophically. */
    @ParameterizedTest @MethodSource("backends")
    void columnMeanVarAndCovarianceTrace(String name) {
        try (Twin t = twin(name, "columnMeanVar")) {
            for (int[] s : new int[][] {{2, 1}, {7, 13}, {33, 65}, {1000, 3}, {128, 784}}) {
                float[] xv = t.normal(s[0] * s[1], 2);
                for (int i = 0; i < xv.length; i++) xv[i] += 100 * (i % s[1]);
                Pair x = t.pair(xv, s);
                for (int ddof : new int[] {0, 1}) {
                    String what = "columnMeanVar " + x.ref().describe() + " ddof " + ddof;
                    ColumnStats want = t.ref.columnMeanVar(x.ref(), ddof), got = t.under.columnMeanVar(x.under(), ddof);
                    for (int c = 0; c < s[1]; c++) {
                        double sd = Math.sqrt(want.variance()[c]);
                        t.assertClose(want.mean()[c], got.mean()[c], 1e-5 * (Math.abs(want.mean()[c]) * 1e-2 + sd) + 1e-12, what + " mean " + c);
                        t.assertClose(want.variance()[c], got.variance()[c], 1e-5 * want.variance()[c] + 1e-12, what + " variance " + c);
                    }
                    double trace = t.ref.covarianceTrace(x.ref(), ddof);
                    t.assertClose(trace, t.under.covarianceTrace(x.under(), ddof), 1e-5 * trace, "covarianceTrace " + what);
                }
            }
        }
    }

    /** Some rows sit near +-1e4, where exp overflows float unless the maximum is subtracted first. */
    @ParameterizedTest @MethodSource("backends")
    void logSumExpRows(String name) {
        try (Twin t = twin(name, "logSumExpRows")) {
            for (int[] s : SHAPES) {
                float[] xv = shiftSomeRows(t, t.normal(s[0] * s[1], 3), s[0], s[1]);
                Pair x = t.pair(xv, s), out = t.pair(new float[s[0]], s[0]);
                t.under.logSumExpRows(x.under(), out.under());
                t.ref.logSumExpRows(x.ref(), out.ref());
                float[] want = t.ref.toFloatArray(out.ref());
                t.assertClose(want, t.under.toFloatArray(out.under()), i -> 1e-5 * Math.max(1, Math.abs(want[i])),
                        "logSumExpRows " + x.ref().describe());
            }
        }
    }

    private static float[] shiftSomeRows(Twin t, float[] v, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            float shift = switch (t.rnd.nextInt(4)) { case 0 -> 1e4f; case 1 -> -1e4f; default -> 0f; };
            for (int c = 0; c < cols; c++) v[r * cols + c] += shift;
        }
        return v;
    }

    // ---- loss ----

    @ParameterizedTest @MethodSource("backends")
    void softmaxCrossEntropy(String name) {
        try (Twin t = twin(name, "softmaxCrossEntropy")) {
            for (int[] s : new int[][] {{1, 1}, {7, 13}, {33, 65}, {1, 1000}, {128, 10}, {1000, 3}}) {
                int rows = s[0];
                Pair z = t.pair(shiftSomeRows(t, t.normal(rows * s[1], 3), rows, s[1]), s);
                Pair y = t.pair(t.rnd.ints(rows, 0, s[1]).toArray(), rows);
                Pair g = t.pair(new float[rows * s[1]], s);
                String what = "softmaxCrossEntropy " + z.ref().describe();
                double want = t.ref.softmaxCrossEntropy(z.ref(), y.ref(), g.ref());
                t.assertClose(want, t.under.softmaxCrossEntropy(z.under(), y.under(), g.under()), 1e-5 * Math.max(1, want), what);
                t.assertClose(want, t.under.softmaxCrossEntropy(z.under(), y.under(), null), 1e-5 * Math.max(1, want), what + " without grad");
                float[] gw = t.ref.toFloatArray(g.ref());
                t.assertClose(gw, t.under.toFloatArray(g.under()), i -> 1e-5 * Math.abs(gw[i]) + 1e-6 / rows, what + " grad");
            }
        }
    }

    @ParameterizedTest @MethodSource("backends")
    void outOfRangeLabelIsRefused(String name) {
        try (Twin t = twin(name, "bad label")) {
            Tensor z = t.keep(t.under.fromArray(t.normal(12, 1), 4, 3));
            for (int bad : new int[] {3, -1}) {
                Tensor y = t.keep(t.under.fromArray(new int[] {0, 2, bad, 1}, 4));
                var e = assertThrows(IllegalArgumentException.class, () -> t.under.softmaxCrossEntropy(z, y, null), t.where("label " + bad));
                assertTrue(e.getMessage().contains(Integer.toString(bad)), t.where("message names the label: " + e.getMessage()));
            }
        }
    }

    // ---- activations ----

    @ParameterizedTest @MethodSource("backends")
    void activations(String name) {
        try (Twin t = twin(name, "activations")) {
            for (int[] s : SHAPES) {
                for (Activation f : Activation.values()) {
                    float slope = (float) (0.01 + 0.3 * t.rnd.nextDouble());
                    float[] xv = t.normal(s[0] * s[1], 3);
                    xv[0] = t.rnd.nextBoolean() ? -100f : 100f; // saturation: expf overflows
                    String what = f.cliName + " " + xv.length;
                    Pair x = t.pair(xv, s), y = t.pair(new float[xv.length], s);
                    t.under.activation(f, slope, x.under(), y.under());
                    t.ref.activation(f, slope, x.ref(), y.ref());
                    float[] yw = t.ref.toFloatArray(y.ref());
                    boolean exact = f != Activation.TANH && f != Activation.SIGMOID;
                    // tanhf and expf are within a few ulp, not correctly rounded.
                    Twin.Bound bound = exact ? i -> 0 : i -> 2e-6 * Math.abs(yw[i]) + 1e-30;
                    t.assertClose(yw, t.under.toFloatArray(y.under()), bound, what);
                    t.under.activation(f, slope, x.under(), x.under());
                    t.assertClose(yw, t.under.toFloatArray(x.under()), bound, what + " in place");

                    float[] dyv = t.normal(xv.length, 1);
                    Pair yIn = t.pair(yw, s), dy = t.pair(dyv, s), dx = t.pair(new float[xv.length], s);
                    Pair xIn = t.pair(xv, s);
                    t.under.activationBackward(f, slope, xIn.under(), yIn.under(), dy.under(), dx.under());
                    t.ref.activationBackward(f, slope, xIn.ref(), yIn.ref(), dy.ref(), dx.ref());
                    float[] dw = t.ref.toFloatArray(dx.ref());
                    // 1 - y*y cancels near |y| = 1; an fma there moves the result by up to an ulp of y*y.
                    Twin.Bound dbound = exact ? i -> 0 : i -> 1e-6 * Math.abs(dw[i]) + 2e-7 * Math.abs(dyv[i]);
                    t.assertClose(dw, t.under.toFloatArray(dx.under()), dbound, what + " backward");
                    t.under.activationBackward(f, slope, xIn.under(), yIn.under(), dy.under(), dy.under());
                    t.assertClose(dw, t.under.toFloatArray(dy.under()), dbound, what + " backward, dx aliasing dy");
                }
            }
        }
    }

    // ---- optimizers ----

    @ParameterizedTest @MethodSource("backends")
    void sgdMomentum(String name) {
        try (Twin t = twin(name, "sgdMomentum")) {
            for (int[] s : SHAPES) {
                for (boolean nesterov : BOTH) {
                    int n = s[0] * s[1];
                    Pair w = t.pair(t.normal(n, 1), s), v = t.pair(t.normal(n, 0.1), s);
                    float lr = (float) (0.001 + 0.1 * t.rnd.nextDouble()), wd = t.rnd.nextBoolean() ? 0f : 5e-4f;
                    for (int step = 0; step < 3; step++) {
                        Pair g = t.pair(t.normal(n, 1), s);
                        t.under.sgdMomentum(w.under(), g.under(), v.under(), lr, 0.9f, wd, nesterov);
                        t.ref.sgdMomentum(w.ref(), g.ref(), v.ref(), lr, 0.9f, wd, nesterov);
                    }
                    String what = "sgd " + n + (nesterov ? " nesterov" : "") + " lr " + lr + " wd " + wd;
                    float[] ww = t.ref.toFloatArray(w.ref()), vw = t.ref.toFloatArray(v.ref());
                    t.assertClose(ww, t.under.toFloatArray(w.under()), i -> 1e-6 * (Math.abs(ww[i]) + lr), what + " weights");
                    t.assertClose(vw, t.under.toFloatArray(v.under()), i -> 1e-6 * (Math.abs(vw[i]) + 1), what + " momentum");
                }
            }
        }
    }

    @ParameterizedTest @MethodSource("backends")
    void adam(String name) {
        try (Twin t = twin(name, "adam")) {
            for (int[] s : SHAPES) {
                int n = s[0] * s[1];
                Pair w = t.pair(t.normal(n, 1), s), m = t.pair(t.normal(n, 0.01), s), v = t.pair(abs(t.normal(n, 1e-4)), s);
                float lr = (float) (1e-4 + 0.01 * t.rnd.nextDouble()), wd = t.rnd.nextBoolean() ? 0f : 1e-2f;
                float eps = t.rnd.nextBoolean() ? 1e-8f : 1e-3f; // 1e-3 makes where eps goes matter
                long first = 1 + t.rnd.nextInt(1000);
                for (long step = first; step < first + 3; step++) {
                    Pair g = t.pair(t.normal(n, 0.01), s);
                    t.under.adam(w.under(), g.under(), m.under(), v.under(), lr, 0.9f, 0.999f, eps, wd, step);
                    t.ref.adam(w.ref(), g.ref(), m.ref(), v.ref(), lr, 0.9f, 0.999f, eps, wd, step);
                }
                String what = "adam " + n + " lr " + lr + " eps " + eps + " wd " + wd + " steps from " + first;
                float[] ww = t.ref.toFloatArray(w.ref()), mw = t.ref.toFloatArray(m.ref()), vw = t.ref.toFloatArray(v.ref());
                // powf and pow may round the bias corrections differently: allow 1e-4 of a step.
                t.assertClose(ww, t.under.toFloatArray(w.under()), i -> 1e-6 * Math.abs(ww[i]) + 1e-4 * lr, what + " weights");
                t.assertClose(mw, t.under.toFloatArray(m.under()), i -> 1e-6 * Math.abs(mw[i]) + 1e-9, what + " first moment");
                t.assertClose(vw, t.under.toFloatArray(v.under()), i -> 1e-6 * Math.abs(vw[i]) + 1e-12, what + " second moment");
            }
        }
    }

    // ---- random numbers: bit for bit ----

    private static RandomStream randomStream(Twin t) {
        long offset = t.rnd.nextBoolean() ? t.rnd.nextLong(1L << 40) : (1L << 32) - t.rnd.nextInt(64); // may cross 2^32
        return new RandomStream(t.rnd.nextLong(), t.rnd.nextInt(), offset);
    }

    @ParameterizedTest @MethodSource("backends")
    void randomFillsMatchBitForBit(String name) {
        try (Twin t = twin(name, "random fills")) {
            for (int[] s : SHAPES) {
                int n = s[0] * s[1];
                RandomStream rs = randomStream(t);
                float mean = (float) t.rnd.nextGaussian(), std = (float) (0.01 + 2 * t.rnd.nextDouble());
                // Around the mean, or one-sided in the upper tail (TruncationRange refuses thinner ones).
                boolean around = t.rnd.nextBoolean();
                float lo = mean + std * (float) (around ? -0.5 - 2 * t.rnd.nextDouble() : 0.9 * t.rnd.nextDouble());
                float hi = around ? mean + std * (float) (0.5 + 2 * t.rnd.nextDouble()) : lo + std * (float) (0.5 + 1.5 * t.rnd.nextDouble());
                String what = " " + n + " from " + rs;
                Pair x = t.pair(new float[n], s);
                t.under.fillUniform(x.under(), rs, lo, hi);
                t.ref.fillUniform(x.ref(), rs, lo, hi);
                t.assertSameBits(t.ref.toFloatArray(x.ref()), t.under.toFloatArray(x.under()), "fillUniform" + what);
                t.under.fillNormal(x.under(), rs, mean, std);
                t.ref.fillNormal(x.ref(), rs, mean, std);
                t.assertSameBits(t.ref.toFloatArray(x.ref()), t.under.toFloatArray(x.under()), "fillNormal" + what);
                t.under.fillTruncatedNormal(x.under(), rs, mean, std, lo, hi);
                t.ref.fillTruncatedNormal(x.ref(), rs, mean, std, lo, hi);
                t.assertSameBits(t.ref.toFloatArray(x.ref()), t.under.toFloatArray(x.under()),
                        "fillTruncatedNormal [" + lo + ", " + hi + "]" + what);
            }
        }
    }

    @ParameterizedTest @MethodSource("backends")
    void perturbationMatchesBitForBit(String name) {
        try (Twin t = twin(name, "perturbUniform")) {
            for (int[] s : SHAPES) {
                int n = s[0] * s[1];
                RandomStream rs = randomStream(t);
                float radius = t.rnd.nextInt(4) == 0 ? 0f : (float) (0.001 + t.rnd.nextDouble());
                Pair w = t.pair(t.normal(n, 1.0), s), out = t.pair(new float[n], s);
                t.under.perturbUniform(w.under(), out.under(), rs, radius);
                t.ref.perturbUniform(w.ref(), out.ref(), rs, radius);
                String what = "perturbUniform " + n + " radius " + radius + " from " + rs;
                t.assertSameBits(t.ref.toFloatArray(out.ref()), t.under.toFloatArray(out.under()), what);
                // in place (out = w) gives the same bits
                t.under.perturbUniform(w.under(), w.under(), rs, radius);
                t.assertSameBits(t.ref.toFloatArray(out.ref()), t.under.toFloatArray(w.under()), what + " in place");
            }
            // large enough for the CPU kernel to split the blocks over its threads; unaligned start
            int n = 100_003;
            RandomStream rs = new RandomStream(t.rnd.nextLong(), t.rnd.nextInt(), 4 * t.rnd.nextInt(1 << 20) + 1 + t.rnd.nextInt(3));
            Pair w = t.pair(t.normal(n, 1.0), 1, n), out = t.pair(new float[n], 1, n);
            t.under.perturbUniform(w.under(), out.under(), rs, 0.01f);
            t.ref.perturbUniform(w.ref(), out.ref(), rs, 0.01f);
            t.assertSameBits(t.ref.toFloatArray(out.ref()), t.under.toFloatArray(out.under()), "perturbUniform " + n + " from " + rs);
        }
    }

    @ParameterizedTest @MethodSource("backends")
    void philoxBlocksMatchBitForBit(String name) {
        try (Twin t = twin(name, "philoxBlocks")) {
            for (int blocks : new int[] {0, 1, 5, 1000}) {
                RandomStream rs = randomStream(t);
                int[] want = t.ref.philoxBlocks(rs, blocks), got = t.under.philoxBlocks(rs, blocks);
                assertEquals(want.length, got.length, t.where("philoxBlocks length"));
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got[i], t.where("philoxBlocks " + blocks + " from " + rs + ", word " + i));
                }
            }
        }
    }

    // ---- misuse ----

    @ParameterizedTest @MethodSource("backends")
    void misuseIsReportedNotCrashed(String name) {
        try (Twin t = twin(name, "misuse")) {
            Tensor x = t.under.zeros(2, 3);
            x.close();
            assertThrows(IllegalStateException.class, () -> t.under.scale(2f, x), t.where("closed tensor"));
            Tensor mine = t.keep(t.under.zeros(2, 3));
            Tensor foreign = t.keep(t.ref.zeros(2, 3));
            assertThrows(IllegalArgumentException.class, () -> t.under.axpy(1f, foreign, mine), t.where("reference tensor"));
            var e = assertThrows(IllegalArgumentException.class, () -> t.under.addBias(mine, t.keep(t.under.zeros(2))));
            assertTrue(e.getMessage().contains("f32[2x3]") && e.getMessage().contains("f32[2]"), t.where(e.getMessage()));
        }
    }
}
