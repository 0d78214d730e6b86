package ibinit.train;

import ibinit.data.Permutations;
import java.util.SplittableRandom;

/**
 * The order in which an epoch visits the training rows: a Fisher-Yates shuffle (i from n-1 down
 * to 1, swap i with {@code nextInt(i + 1)}) driven by {@code new SplittableRandom(seed ^ (GOLDEN *
 * (epoch + 1)))}, where GOLDEN = 0x9E3779B97F4A7C15 and epoch counts from 0. It depends on the
 * seed and the epoch only, never on threads, backend or an earlier epoch, so any epoch's order
 * can be rebuilt alone.
 */
public final class Shuffle {
    static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Salt of the stream that picks the initialization sample (kept apart from every epoch's order). */
    static final long INIT_SAMPLE_SALT = 0x494E49545341L; // "INITSA"

    private Shuffle() { }

    /** The permutation of {@code 0..n-1} for {@code epoch} (from 0) under {@code seed}. */
    public static int[] epochOrder(long seed, int epoch, int n) {
        return permutation(new SplittableRandom(seed ^ (GOLDEN * (epoch + 1L))), n);
    }

    /** The rows given to data-driven initializers: the first {@code count} of a permutation of their own. */
    public static int[] initSample(long seed, int count, int n) {
        int[] p = permutation(new SplittableRandom(seed ^ INIT_SAMPLE_SALT), n);
        return java.util.Arrays.copyOf(p, Math.min(count, n));
    }

    static int[] permutation(SplittableRandom rng, int n) {
        return Permutations.shuffled(n, rng);
    }
}
