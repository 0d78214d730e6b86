package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PermutationsTest {
    @Test
    void isAPermutationFixedBySeed() {
        int[] p = Permutations.shuffled(1000, 42);
        assertArrayEquals(IntStream.range(0, 1000).toArray(), Arrays.stream(p).sorted().toArray());
        assertArrayEquals(p, Permutations.shuffled(1000, 42));
        assertFalse(Arrays.equals(p, Permutations.shuffled(1000, 43)));
        assertFalse(Arrays.equals(p, IntStream.range(0, 1000).toArray()));
    }

    @Test
    void followsTheDocumentedFisherYatesRecipe() {
        // Written out independently from the class comment, so the recipe cannot drift silently.
        int n = 50;
        int[] expected = IntStream.range(0, n).toArray();
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = expected[i]; expected[i] = expected[j]; expected[j] = t;
        }
        assertArrayEquals(expected, Permutations.shuffled(n, 7));
    }

    @Test
    void derivedSeedsDifferPerSalt() {
        assertNotEquals(Permutations.derive(0, 1), Permutations.derive(0, 2));
        assertNotEquals(Permutations.derive(0, 1), Permutations.derive(1, 1));
    }
}
