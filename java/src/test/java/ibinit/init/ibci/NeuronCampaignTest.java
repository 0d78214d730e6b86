package ibinit.init.ibci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Backend;
import ibinit.backend.ref.ReferenceBackend;
import ibinit.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The class-grouped election and its fallbacks, on hand-made pools. */
class NeuronCampaignTest {
    static final Backend B = new ReferenceBackend();

    @AfterAll
    static void close() { B.close(); }

    static float[] gaussian(long seed, int n) {
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
        return v;
    }

    /** Moments in which candidate j prefers class pref[j] (mean 1 there, 0 elsewhere). */
    static CandidateMoments moments(int classes, int[] pref) {
        int k = pref.length;
        double[] s = new double[classes * k], q = new double[classes * k];
        for (int j = 0; j < k; j++) {
            s[pref[j] * k + j] = 1;
            q[pref[j] * k + j] = 2;
        }
        long[] counts = new long[classes];
        Arrays.fill(counts, 1);
        return new CandidateMoments(classes, k, counts, s, q);
    }

    static int[] elect(float[] w, int d, CandidateScores s, CandidateMoments m, int nOut, boolean output) {
        try (Tensor t = B.fromArray(w, w.length / d, d)) {
            return NeuronCampaign.elect(B, t, w, s, m, nOut, output, "layers.test");
        }
    }

    @Test
    void quotasAreNearEqual() {
        assertArrayEquals(new int[] {34, 33, 33}, ClassQuotas.of(100, 3));
        assertArrayEquals(new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, ClassQuotas.of(100, 10));
        assertArrayEquals(new int[] {1, 1, 0, 0}, ClassQuotas.of(2, 4));
    }

    @Test
    void hiddenNeuronsComeClassByClassWithinQuota() {
        int k = 12, d = 64; // d large: residual ratios stay near 1, so scores decide
        int[] pref = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
        double[] score = new double[k];
        for (int j = 0; j < k; j++) score[j] = 1 + j; // higher index, higher score
        boolean[] live = new boolean[k];
        Arrays.fill(live, true);
        int[] got = elect(gaussian(1, k * d), d, new CandidateScores(score, pref, live), moments(2, pref), 4, false);
        assertArrayEquals(new int[] {10, 8, 11, 9}, got, "two per class, class 0 first, best scores first");
    }

    @Test
    void deadCandidatesNeverGoAheadOfLiveOnes() {
        // Live candidates have negative (target) scores, dead ones score 0: the authors' code would elect the dead first.
        int k = 10, d = 6;
        int[] pref = new int[k];
        double[] score = new double[k];
        boolean[] live = new boolean[k];
        for (int j = 0; j < k; j++) {
            live[j] = j % 2 == 0;
            score[j] = live[j] ? -1 - j : 0;
            pref[j] = j % 4 < 2 ? 0 : 1;
        }
        float[] w = gaussian(2, k * d);
        int[] got = elect(w, d, new CandidateScores(score, pref, live), moments(2, pref), 5, false);
        assertEquals(5, got.length);
        assertTrue(Arrays.stream(got).allMatch(j -> live[j]), "only live candidates while enough exist: " + Arrays.toString(got));
        try (LogCapture log = new LogCapture(NeuronCampaign.class)) {
            int[] more = elect(w, d, new CandidateScores(score, pref, live), moments(2, pref), 7, false);
            assertEquals(7, Arrays.stream(more).distinct().count());
            for (int i = 0; i < 5; i++) assertTrue(live[more[i]], "live ones first: " + Arrays.toString(more));
            assertTrue(!live[more[5]] && !live[more[6]]);
            assertTrue(log.any("dead"), log.messages.toString());
        }
    }

    @Test
    void aQuotaAboveTheInputDimensionFallsBackByScoreAndSaysSo() {
        int k = 40, d = 3;
        int[] pref = new int[k];
        double[] score = new double[k];
        boolean[] live = new boolean[k];
        for (int j = 0; j < k; j++) {
            pref[j] = j % 2;
            score[j] = Math.sin(j); // mixed signs
            live[j] = true;
        }
        try (LogCapture log = new LogCapture(NeuronCampaign.class)) {
            int[] got = elect(gaussian(3, k * d), d, new CandidateScores(score, pref, live), moments(2, pref), 12, false);
            assertEquals(12, got.length);
            assertEquals(12, Arrays.stream(got).distinct().count(), "no neuron twice: " + Arrays.toString(got));
            assertTrue(log.any("span"), "the log says why the quota could not be filled: " + log.messages);
            assertTrue(log.any("filled by score"), log.messages.toString());
            // the 6 picks of the two groups (3 each = d) come first; the 6 fallbacks are the best remaining scores
            int[] fallback = Arrays.copyOfRange(got, 6, 12);
            double worstFallback = Arrays.stream(fallback).mapToDouble(j -> score[j]).min().orElseThrow();
            for (int j = 0; j < k; j++) {
                final int jj = j;
                if (Arrays.stream(got).noneMatch(x -> x == jj)) assertTrue(score[j] <= worstFallback, "candidate " + j + " was better");
            }
        }
    }

    @Test
    void theOutputLayerGetsOneNeuronPerClassInClassOrder() {
        int k = 9, d = 5;
        int[] pref = {2, 0, 1, 2, 0, 1, 2, 0, 1};
        double[] score = {0.1, 0.2, 0.3, 0.9, 0.1, 0.8, 0.5, 0.7, 0.2};
        boolean[] live = new boolean[k];
        Arrays.fill(live, true);
        int[] got = elect(gaussian(4, k * d), d, new CandidateScores(score, pref, live), moments(3, pref), 3, true);
        assertArrayEquals(new int[] {7, 5, 3}, got);
    }

    @Test
    void anOutputClassNoCandidatePrefersGetsTheClosestOne() {
        int k = 4, d = 3, classes = 3;
        int[] pref = {0, 0, 1, 1};
        double[] score = {1, 0.5, 1, 0.5};
        boolean[] live = {true, true, true, true};
        // class means: candidate 1 comes closest to preferring class 2 (margin -0.1)
        double[][] mu = {{1, 0, 0}, {0.5, 0.1, 0.4}, {0, 1, 0}, {0.2, 0.6, 0.1}};
        double[] s = new double[classes * k], q = new double[classes * k];
        for (int j = 0; j < k; j++) for (int c = 0; c < classes; c++) s[c * k + j] = mu[j][c];
        CandidateMoments m = new CandidateMoments(classes, k, new long[] {1, 1, 1}, s, q);
        try (LogCapture log = new LogCapture(NeuronCampaign.class)) {
            int[] got = elect(gaussian(5, k * d), d, new CandidateScores(score, pref, live), m, 3, true);
            assertArrayEquals(new int[] {0, 2, 1}, got);
            assertTrue(log.any("no live candidate prefers class 2"), log.messages.toString());
        }
    }

    @Test
    void theOutputLayerMustHaveOneUnitPerClass() {
        int[] pref = {0, 1, 0};
        CandidateScores s = new CandidateScores(new double[3], pref, new boolean[] {true, true, true});
        assertThrows(IllegalArgumentException.class, () -> elect(gaussian(6, 6), 2, s, moments(2, pref), 3, true));
        assertThrows(IllegalArgumentException.class, () -> elect(gaussian(6, 6), 2, s, moments(2, pref), 4, false), "pool smaller than the layer");
    }
}
