package ibinit.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The samplers have the distributions they claim. Fixed seeds keep the tests repeatable; bounds
 * are about five standard errors, so a generator that is wrong by a few percent fails.
 */
class SamplerStatisticsTest {
    private static final int N = 200_000;
    private static final long SEED = 0x5EEDL;

    /** Standard normal CDF via erfc (Numerical Recipes' erfcc, relative error below 1.2e-7). */
    static double phi(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * z);
        double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - erfc / 2 : erfc / 2;
    }

    static double density(double x) { return Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI); }

    /** Kolmogorov-Smirnov distance between the sample and a CDF. */
    static double ksDistance(double[] sample, DoubleUnaryOperator cdf) {
        double[] s = sample.clone();
        Arrays.sort(s);
        double d = 0;
        for (int i = 0; i < s.length; i++) {
            double f = cdf.applyAsDouble(s[i]);
            d = Math.max(d, Math.max(f - (double) i / s.length, (double) (i + 1) / s.length - f));
        }
        return d;
    }

    /** 0.1% critical value of the KS distance for n samples. */
    static double ksCritical(int n) { return 1.95 / Math.sqrt(n); }

    static double mean(double[] v) { return Arrays.stream(v).sum() / v.length; }

    static double variance(double[] v) {
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return s / (v.length - 1);
    }

    @Test
    void normalHasMeanZeroVarianceOneAndNormalShape() {
        double[] z = new double[N];
        for (int i = 0; i < N; i++) z[i] = Philox.normalAt(SEED, 0, i, 0f, 1f);
        assertEquals(0, mean(z), 5 / Math.sqrt(N), "mean");
        assertEquals(1, variance(z), 5 * Math.sqrt(2.0 / N), "variance");
        double m4 = Arrays.stream(z).map(x -> x * x * x * x).sum() / N;
        assertEquals(3, m4, 5 * Math.sqrt(96.0 / N), "fourth moment");
        double d = ksDistance(z, SamplerStatisticsTest::phi);
        assertTrue(d < ksCritical(N), "KS distance to N(0,1) " + d);
        // Neighbouring indices and neighbouring streams must be uncorrelated.
        double lag = 0, cross = 0;
        for (int i = 0; i + 1 < N; i++) lag += z[i] * z[i + 1];
        for (int i = 0; i < N; i++) cross += z[i] * Philox.normalAt(SEED, 1, i, 0f, 1f);
        assertEquals(0, lag / N, 5 / Math.sqrt(N), "lag-1 correlation");
        assertEquals(0, cross / N, 5 / Math.sqrt(N), "correlation between streams 0 and 1");
    }

    @Test
    void normalAppliesMeanAndStd() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) x[i] = Philox.normalAt(SEED, 3, i, -2f, 0.5f);
        assertEquals(-2, mean(x), 5 * 0.5 / Math.sqrt(N), "mean");
        assertEquals(0.25, variance(x), 5 * 0.25 * Math.sqrt(2.0 / N), "variance");
    }

    private static void checkTruncated(float mean, float std, float lo, float hi) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Philox.truncatedNormalAt(SEED, 5, i, mean, std, lo, hi);
            assertTrue(x[i] >= lo && x[i] <= hi, "sample " + x[i] + " outside [" + lo + ", " + hi + "]");
        }
        double a = (lo - mean) / std, b = (hi - mean) / std;
        double z = phi(b) - phi(a);
        double mu = mean + std * (density(a) - density(b)) / z;
        double var = std * std * (1 + (a * density(a) - b * density(b)) / z - Math.pow((density(a) - density(b)) / z, 2));
        String range = "[" + lo + ", " + hi + "] of N(" + mean + ", " + std + ")";
        assertEquals(mu, mean(x), 5 * Math.sqrt(var / N), "mean of " + range);
        assertEquals(var, variance(x), 5 * var * Math.sqrt(2.0 / N), "variance of " + range);
        double d = ksDistance(x, v -> (phi((v - mean) / std) - phi(a)) / z);
        assertTrue(d < ksCritical(N), "KS distance " + d + " for " + range);
    }

    @Test
    void truncatedNormalSymmetricRange() { checkTruncated(0f, 1f, -2f, 2f); }

    @Test
    void truncatedNormalAsymmetricRange() { checkTruncated(1f, 2f, 0f, 5f); }

    /** After 256 rejected rounds the value is clamped to the nearer bound. */
    @Test
    void truncatedNormalClampsWhenEveryRoundFails() {
        assertEquals(10f, Philox.truncatedNormalAt(SEED, 0, 17, 0f, 1f, 10f, 11f));
        assertEquals(-10f, Philox.truncatedNormalAt(SEED, 0, 17, 0f, 1f, -11f, -10f));
    }

    @Test
    void uniformCoversHalfOpenRangeEvenly() {
        double[] u = new double[N];
        for (int i = 0; i < N; i++) {
            float v = Philox.uniformAt(SEED, 9, i, -1f, 1f);
            assertTrue(v >= -1f && v < 1f, "uniform sample " + v + " outside [-1, 1)");
            u[i] = v;
        }
        assertEquals(0, mean(u), 5 * Math.sqrt(1.0 / 3 / N), "mean");
        assertEquals(1.0 / 3, variance(u), 5 * Math.sqrt(4.0 / 45 / N), "variance");
        double d = ksDistance(u, v -> (v + 1) / 2);
        assertTrue(d < ksCritical(N), "KS distance to U(-1, 1) " + d);
    }
}
