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
public final class Shuffle { // seeds from ibinit.rng.Streams

    private Shuffle() { }

    /** The permutation of {@code 0..n-1} for {@code epoch} (from 0) under {@code seed}. */
    public static int[] epochOrder(long seed, int epoch, int n) {
        return permutation(new SplittableRandom(ibinit.rng.Streams.epochOrder(seed, epoch)), n);
    }

    /** The rows given to data-driven initializers: the first {@code count} of a permutation of their own. */
    public static int[] initSample(long seed, int count, int n) { return sample(ibinit.rng.Streams.initSample(seed), count, n); }

    /** The first {@code count} of a permutation of {@code 0..n-1} drawn from {@code SplittableRandom(streamSeed)}. */
    public static int[] sample(long streamSeed, int count, int n) {
        int[] p = permutation(new SplittableRandom(streamSeed), n);
        return java.util.Arrays.copyOf(p, Math.min(count, n));
    }

    static int[] permutation(SplittableRandom rng, int n) {
        return Permutations.shuffled(n, rng);
    }
}
