package ibinit.info.ib;

import ibinit.backend.RandomStream;
import java.util.SplittableRandom;

/**
 * The random draws of one step, addressed by (seed, step) alone: batches and marginal pairings
 * from {@code SplittableRandom(seed ^ (GOLDEN * (step + 1)))} in the order the step asks for them,
 * noise from Philox sub-stream "IBNS" at offset ((step &lt;&lt; 6) + draw) &lt;&lt; 32. No state
 * carries from one step to the next, which is what lets a resumed run repeat an uninterrupted one.
 */
final class StepRandom {

    private final long seed;
    private final long step;
    private final SplittableRandom rng;

    StepRandom(long seed, long step) {
        if (step < 0 || step >= (1L << 25)) throw new IllegalArgumentException("step " + step + " is outside 0..2^25");
        this.seed = seed;
        this.step = step;
        this.rng = new SplittableRandom(ibinit.rng.Streams.ibStep(seed, step));
    }

    /** {@code b} distinct rows of {@code 0..n-1} (all n, shuffled, when b &gt;= n): a partial Fisher-Yates shuffle. */
    int[] rows(int n, int b) {
        int k = Math.min(n, b);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return java.util.Arrays.copyOf(p, k);
    }

    /** A uniform permutation of 0..b-1: the marginal partner of each row of a batch. */
    int[] permutation(int b) {
        int[] p = new int[b];
        for (int i = 0; i < b; i++) p[i] = i;
        for (int i = b - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Where noise draw {@code draw} (0..63) of this step starts. */
    RandomStream noise(int draw) {
        if (draw < 0 || draw >= 64) throw new IllegalArgumentException("noise draw " + draw + " is outside 0..63");
        return new RandomStream(seed, ibinit.rng.Streams.IB_NOISE_STREAM, ((step << 6) + draw) << 32);
    }
}
