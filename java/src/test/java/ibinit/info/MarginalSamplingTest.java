package ibinit.info;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MarginalSamplingTest {

    private static void assertPermutation(int[] p) {
        boolean[] seen = new boolean[p.length];
        for (int v : p) {
            assertTrue(v >= 0 && v < p.length && !seen[v], "not a permutation at " + v);
            seen[v] = true;
        }
    }

    @Test
    void permutationIsAPermutationAndSometimesHasFixedPoints() {
        SplittableRandom rng = new SplittableRandom(1);
        int withFixed = 0;
        for (int trial = 0; trial < 200; trial++) {
            int[] p = MarginalSampling.PERMUTATION.partners(8, rng);
            assertPermutation(p);
            for (int i = 0; i < p.length; i++) if (p[i] == i) { withFixed++; break; }
        }
        // P(some fixed point) = 1 - 1/e ~ 0.63 for a uniform permutation
        assertTrue(withFixed > 90 && withFixed < 160, withFixed + " of 200 permutations had a fixed point");
    }

    @Test
    void derangementHasNoFixedPoint() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int b : new int[] {2, 3, 5, 256}) {
            for (int trial = 0; trial < 50; trial++) {
                int[] p = MarginalSampling.DERANGEMENT.partners(b, rng);
                assertPermutation(p);
                for (int i = 0; i < b; i++) assertNotEquals(i, p[i], "fixed point " + i + " of a derangement of " + b);
            }
        }
        assertArrayEquals(new int[] {1, 0}, MarginalSampling.DERANGEMENT.partners(2, rng));
        assertThrows(IllegalArgumentException.class, () -> MarginalSampling.DERANGEMENT.partners(1, rng));
    }

    @Test
    void allPairsListsEveryOffDiagonalPairOnceInBlocks() {
        int b = 6;
        int[] p = MarginalSampling.ALL_PAIRS.partners(b, new SplittableRandom(3));
        assertEquals(b * (b - 1), p.length);
        boolean[][] seen = new boolean[b][b];
        for (int r = 0; r < p.length; r++) {
            int i = r % b, j = p[r]; // row r pairs a_{r mod b} with b_{p[r]}
            assertNotEquals(i, j);
            assertTrue(!seen[i][j], "pair " + i + "," + j + " twice");
            seen[i][j] = true;
        }
        assertEquals(b * (b - 1), MarginalSampling.ALL_PAIRS.marginalRows(b));
    }

    @Test
    void batchSamplerCoversEveryRowOncePerEpoch() {
        BatchSampler s = new BatchSampler(10, new SplittableRandom(4));
        boolean[] seen = new boolean[10];
        for (int k = 0; k < 5; k++) for (int r : s.next(2)) { assertTrue(!seen[r]); seen[r] = true; }
        for (boolean v : seen) assertTrue(v);
        assertThrows(IllegalArgumentException.class, () -> s.next(11));
    }
}
