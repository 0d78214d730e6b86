package ibinit.info;

import java.util.SplittableRandom;

/** Minibatches of row indices: a fresh shuffle of all n rows per epoch, taken in consecutive runs. */
final class BatchSampler {
    private final int n;
    private final SplittableRandom rng;
    private int[] order;
    private int position;

    BatchSampler(int n, SplittableRandom rng) {
        if (n < 1) throw new IllegalArgumentException("no samples to draw batches from");
        this.n = n;
        this.rng = rng;
        this.position = n;
    }

    /** The next {@code batch} distinct row indices (an epoch's tail that is too short is skipped). */
    int[] next(int batch) {
        if (batch > n) throw new IllegalArgumentException("batch of " + batch + " from only " + n + " samples");
        if (position + batch > n) {
            order = MarginalSampling.shuffle(n, rng);
            position = 0;
        }
        int[] out = new int[batch];
        System.arraycopy(order, position, out, 0, batch);
        position += batch;
        return out;
    }
}
