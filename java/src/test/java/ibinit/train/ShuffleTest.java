package ibinit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShuffleTest {
    @Test
    void eachEpochIsAPermutationThatDependsOnSeedAndEpochOnly() {
        int[] a = Shuffle.epochOrder(7, 3, 1000);
        assertArrayEquals(a, Shuffle.epochOrder(7, 3, 1000));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) assertEquals(i, sorted[i]);
        assertFalse(Arrays.equals(a, Shuffle.epochOrder(7, 4, 1000)), "epochs differ");
        assertFalse(Arrays.equals(a, Shuffle.epochOrder(8, 3, 1000)), "seeds differ");
    }

    @Test
    void orderFollowsTheDocumentedRecipe() {
        // Fisher-Yates from n-1 down, SplittableRandom(seed ^ (0x9E3779B97F4A7C15 * (epoch + 1)))
        long seed = 42;
        int epoch = 2, n = 6;
        SplittableRandom r = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1)));
        int[] p = {0, 1, 2, 3, 4, 5};
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        assertArrayEquals(p, Shuffle.epochOrder(seed, epoch, n));
    }

    @Test
    void initSampleIsCappedAtTheDataSize() {
        assertEquals(5, Shuffle.initSample(1, 100, 5).length);
        assertEquals(3, Shuffle.initSample(1, 3, 50).length);
    }
}
