package ibinit.backend.ref;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The downdating oracle against Algorithm 1 written literally (an explicit residual matrix P,
 * projected after every pick), and the pitfalls of the authors' code.
 */
class GreedySelectionTest {

    /** Algorithm 1 literally: P = W; pick argmax s_j ||P_j|| / ||W_j|| over unpicked, non-spanned j; P -= a a^T P. */
    static int[] literal(float[] w, int k, int d, double[] s, int count) {
        double[][] p = new double[k][d];
        double[] norm = new double[k];
        for (int j = 0; j < k; j++) {
            for (int e = 0; e < d; e++) p[j][e] = w[j * d + e];
            norm[j] = Math.sqrt(dot(p[j], p[j]));
        }
        boolean[] closed = new boolean[k];
        int[] out = new int[count];
        int n = 0;
        while (n < count) {
            int best = -1;
            double bv = 0;
            for (int j = 0; j < k; j++) {
                if (closed[j] || norm[j] == 0 || Math.sqrt(dot(p[j], p[j])) <= 1e-6 * norm[j]) continue;
                double v = s[j] * Math.sqrt(dot(p[j], p[j])) / norm[j];
                if (best < 0 || v > bv) { best = j; bv = v; }
            }
            if (best < 0) break;
            closed[best] = true;
            out[n++] = best;
            double[] a = p[best].clone();
            double an = Math.sqrt(dot(a, a));
            for (int e = 0; e < d; e++) a[e] /= an;
            for (int j = 0; j < k; j++) {
                double c = dot(a, p[j]);
                for (int e = 0; e < d; e++) p[j][e] -= c * a[e];
            }
        }
        return Arrays.copyOf(out, n);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static float[] gaussian(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }

    @Test
    void matchesTheLiteralAlgorithmOnRandomPools() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        for (int trial = 0; trial < 20; trial++) {
            int d = 2 + r.nextInt(30), k = 1 + r.nextInt(60), count = 1 + r.nextInt(k);
            float[] w = gaussian(r, k * d);
            double[] s = new double[k];
            for (int j = 0; j < k; j++) s[j] = r.nextDouble() - (trial % 2 == 0 ? 0 : 0.5); // odd trials: mixed signs
            assertArrayEquals(literal(w, k, d, s, count), GreedySelection.select(w, k, d, s, count),
                    "seed " + seed + " trial " + trial + " k=" + k + " d=" + d + " count=" + count);
        }
    }

    @Test
    void matchesTheLiteralAlgorithmWhenCandidatesAreNearlyParallel() {
        // Candidates close to a few directions make the downdated norms cancel: the recompute rule must keep picks right.
        long seed = System.nanoTime();
        Random r = new Random(seed);
        int d = 40, k = 120;
        float[][] dirs = {gaussian(r, d), gaussian(r, d), gaussian(r, d)};
        float[] w = new float[k * d];
        double[] s = new double[k];
        for (int j = 0; j < k; j++) {
            float[] base = dirs[j % 3];
            for (int e = 0; e < d; e++) w[j * d + e] = base[e] + (float) (1e-3 * r.nextGaussian());
            s[j] = 0.5 + r.nextDouble();
        }
        assertArrayEquals(literal(w, k, d, s, 30), GreedySelection.select(w, k, d, s, 30), "seed " + seed);
    }

    @Test
    void neverPicksARowTwiceEvenWithNegativeScores() {
        // With all scores negative, a chosen row (residual 0, product 0) beats every open one in the authors' code.
        Random r = new Random(7);
        int d = 20, k = 15;
        float[] w = gaussian(r, k * d);
        double[] s = new double[k];
        for (int j = 0; j < k; j++) s[j] = -1 - j;
        int[] got = GreedySelection.select(w, k, d, s, k);
        assertEquals(k, got.length);
        assertEquals(k, Arrays.stream(got).distinct().count(), Arrays.toString(got));
        assertEquals(0, got[0], "the least negative score goes first");
    }

    @Test
    void stopsCleanlyWhenEveryResidualIsZero() {
        Random r = new Random(8);
        int d = 5, k = 40;
        float[] w = gaussian(r, k * d);
        double[] s = new double[k];
        Arrays.fill(s, 1);
        int[] got = GreedySelection.select(w, k, d, s, 12); // quota 12 > d = 5
        assertEquals(d, got.length, "only d independent directions exist");
        assertEquals(d, Arrays.stream(got).distinct().count());
    }

    @Test
    void duplicatesAndZeroRowsAreNeverPicked() {
        int d = 4;
        float[] w = {
            1, 0, 0, 0,
            1, 0, 0, 0,   // duplicate of row 0: spanned once row 0 is picked
            0, 0, 0, 0,   // zero row: no direction at all
            0, 1, 0, 0,
            2, 0, 0, 0};  // parallel to row 0
        double[] s = {1, 5, 9, 0.5, 0.1};
        int[] got = GreedySelection.select(w, 5, d, s, 5);
        assertArrayEquals(new int[] {1, 3}, got);
    }

    @Test
    void scoresWeighTheResidualRatio() {
        // Row 1 is nearly parallel to row 0, row 2 orthogonal: after row 0, row 2 wins despite a lower score.
        float[] w = {1, 0, 0, 1, 0.1f, 0, 0, 0, 1};
        double[] s = {1.0, 0.9, 0.5};
        assertArrayEquals(new int[] {0, 2, 1}, GreedySelection.select(w, 3, 3, s, 3));
        assertTrue(0.9 * 0.1 / Math.sqrt(1.01) < 0.5);
    }
}
