package ibinit.init.ibci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Scores worked out by hand for three candidates over two classes of two samples each. */
class CandidateScoresTest {
    // candidate 0: class 0 {1, 3}, class 1 {5, 5};  candidate 1: all zeros (dead);  candidate 2: {0, 2} in both classes
    static final CandidateMoments M = new CandidateMoments(2, 3, new long[] {2, 2},
            new double[] {4, 0, 2, 10, 0, 2}, new double[] {10, 0, 4, 50, 0, 4});

    @Test
    void momentsGiveClassMeansAndVariances() {
        assertEquals(2, M.mean(0, 0), 0);
        assertEquals(5, M.mean(0, 1), 0);
        assertEquals(1, M.variance(0, 0), 0);
        assertEquals(0, M.variance(0, 1), 0);
        assertEquals(2.75, M.totalVariance(0), 1e-15);
        assertEquals(1, M.totalVariance(2), 1e-15);
    }

    @Test
    void authorsScoresFollowTheStdForm() {
        // inter = [1.5, 0, 0] -> [1, 0, 0]; intra = [0.5, 0, 1] / sqrt(1.25); acc = inter - intra, normalized;
        // div = [sqrt(2.75), 0, 1] / sqrt(3.75).
        double i0 = 0.5 / Math.sqrt(1.25), i2 = 1 / Math.sqrt(1.25);
        double a0 = 1 - i0, a2 = -i2, an = Math.hypot(a0, a2);
        double d0 = Math.sqrt(2.75) / Math.sqrt(3.75), d2 = 1 / Math.sqrt(3.75);
        CandidateScores target = CandidateScores.compute(M, Scoring.AUTHORS, 1);
        assertArrayEquals(new double[] {a0 / an, 0, a2 / an}, target.score(), 1e-12);
        CandidateScores input = CandidateScores.compute(M, Scoring.AUTHORS, 0);
        assertArrayEquals(new double[] {d0, 0, d2}, input.score(), 1e-12);
        CandidateScores mixed = CandidateScores.compute(M, Scoring.AUTHORS, 0.25);
        assertArrayEquals(new double[] {0.25 * a0 / an + 0.75 * d0, 0, 0.25 * a2 / an + 0.75 * d2}, mixed.score(), 1e-12);
    }

    @Test
    void paperScoresFollowTheVarianceForm() {
        // input = variances [2.75, 0, 1]; target = between - within = [2.25 - 0.5, 0, 0 - 1]
        CandidateScores target = CandidateScores.compute(M, Scoring.PAPER, 1);
        double tn = Math.hypot(1.75, 1);
        assertArrayEquals(new double[] {1.75 / tn, 0, -1 / tn}, target.score(), 1e-12);
        CandidateScores input = CandidateScores.compute(M, Scoring.PAPER, 0);
        double vn = Math.hypot(2.75, 1);
        assertArrayEquals(new double[] {2.75 / vn, 0, 1 / vn}, input.score(), 1e-12);
    }

    @Test
    void preferredClassAndLiveness() {
        CandidateScores s = CandidateScores.compute(M, Scoring.AUTHORS, 1);
        assertArrayEquals(new int[] {1, 0, 0}, s.preferredClass(), "argmax of the class means, ties to the lowest class");
        assertArrayEquals(new boolean[] {true, false, true}, s.live());
    }

    @Test
    void aConstantNonZeroOutputIsDeadToo() {
        // one candidate, output 2 everywhere: variance 0 up to rounding
        CandidateMoments m = new CandidateMoments(2, 1, new long[] {3, 1}, new double[] {6, 2}, new double[] {12, 4});
        assertArrayEquals(new boolean[] {false}, CandidateScores.compute(m, Scoring.AUTHORS, 0).live());
    }

    @Test
    void classesWithoutSamplesTakeNoPart() {
        // the same data plus an empty third class: unchanged scores and preferences
        CandidateMoments m = new CandidateMoments(3, 3, new long[] {2, 2, 0},
                new double[] {4, 0, 2, 10, 0, 2, 0, 0, 0}, new double[] {10, 0, 4, 50, 0, 4, 0, 0, 0});
        CandidateScores s = CandidateScores.compute(m, Scoring.AUTHORS, 0.5);
        assertArrayEquals(CandidateScores.compute(M, Scoring.AUTHORS, 0.5).score(), s.score(), 1e-15);
        assertArrayEquals(new int[] {1, 0, 0}, s.preferredClass());
    }
}
