package ibinit.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Backend;
import ibinit.backend.ref.ReferenceBackend;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseFilteringTest {
    private static final Backend REF = new ReferenceBackend();

    private static float[] data(int m, int d, long seed) {
        Random r = new Random(seed);
        float[] x = new float[m * d];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextGaussian() + (i % d) * 0.1);
        return x;
    }

    @Test
    void lowersTheObjectiveAndRecordsEveryIteration() {
        float[] x = data(60, 6, 1);
        SparseFiltering.Result r = SparseFiltering.builder().features(4).iterations(30).seed(2).build().fit(REF, x, 60, 6);
        assertEquals(0, r.history().getFirst().iteration());
        SparseFiltering.Step first = r.history().getFirst(), last = r.history().getLast();
        assertTrue(last.objective() < first.objective(), "objective " + first.objective() + " -> " + last.objective());
        assertTrue(last.gradientNorm() < 0.5 * first.gradientNorm(), "||dW|| " + first.gradientNorm() + " -> " + last.gradientNorm());
        for (int i = 1; i < r.history().size(); i++) {
            assertEquals(i, r.history().get(i).iteration());
            assertTrue(r.history().get(i).objective() <= r.history().get(i - 1).objective() + 1e-6, "monotone at " + i);
        }
        assertEquals(4 * 6, r.weights().length);
    }

    @Test
    void sameSeedSameWeights() {
        float[] x = data(40, 5, 3);
        SparseFiltering sf = SparseFiltering.builder().features(3).iterations(10).seed(9).build();
        assertArrayEquals(sf.fit(REF, x, 40, 5).weights(), sf.fit(REF, x, 40, 5).weights());
    }

    @Test
    void examplesAreCentredByDefault() {
        float[] c = SparseFiltering.centered(new float[] {1, 2, 3, 10, 10, 10}, 2, 3);
        assertArrayEquals(new float[] {-1, 0, 1, 0, 0, 0}, c);
    }

    @Test
    void rejectsBadOptionsAndData() {
        assertThrows(IllegalArgumentException.class, () -> SparseFiltering.builder().build());
        assertThrows(IllegalArgumentException.class, () -> SparseFiltering.builder().features(2).iterations(-1).build());
        SparseFiltering sf = SparseFiltering.builder().features(2).build();
        assertThrows(IllegalArgumentException.class, () -> sf.fit(REF, new float[5], 2, 3));
    }
}
