package ibinit.data;

import java.util.SplittableRandom;

/**
 * Seeded permutations. {@code shuffled(n, seed)} is a Fisher-Yates shuffle of 0..n-1 driven by
 * {@code new java.util.SplittableRandom(seed)}: for i = n-1 down to 1, swap i with
 * {@code nextInt(i + 1)}. SplittableRandom's output for a seed is fixed by its specification
 * (SplitMix64), so a seed gives the same order on every JDK.
 */
public final class Permutations {
    private Permutations() { }

    public static int[] shuffled(int n, long seed) {
        return shuffled(n, new SplittableRandom(seed));
    }

    /** The same shuffle drawing from a generator the caller keeps (the training loop, MINE's marginals). */
    public static int[] shuffled(int n, SplittableRandom rng) {
        if (n < 0) throw new IllegalArgumentException("permutation size must be >= 0, got " + n);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * A seed for one purpose derived from a user seed, so that one {@code seed} option can drive
     * several independent choices (split, fraction, synthetic draws) without them sharing streams.
     * SplitMix64's finalizer over {@code seed + salt * golden gamma}.
     */
    public static long derive(long seed, long salt) {
        return ibinit.rng.Streams.mix(seed, salt);
    }
}
