package ibinit.init.scales;

/**
 * NIO's batch-wise relaxation: a batch of B samples split into D overlapping sub-batches with
 * overlap ratio r and L = floor(B / D): B_0 = [0, floor((1+r) L)), B_i = [floor((1-r) i L),
 * floor((1+r)(i+1) L)) for 0 &lt; i &lt; D-1, B_{D-1} = [floor((1-r)(D-1) L), B). Ends past B are
 * cut to B (they can only arise for D = 1 or r near 1).
 */
public final class SubBatches {
    private SubBatches() { }

    /** {@code [d][0]} is the first row of sub-batch d, {@code [d][1]} one past its last. */
    public static int[][] ranges(int batch, int count, double overlap) {
        if (count < 1) throw new IllegalArgumentException("nio needs D >= 1 sub-batches, got " + count);
        if (!(overlap >= 0 && overlap < 1)) throw new IllegalArgumentException("nio overlap r must lie in [0, 1), got " + overlap);
        if (batch < count) throw new IllegalArgumentException("a batch of " + batch + " cannot hold " + count + " sub-batches");
        int l = batch / count;
        int[][] out = new int[count][2];
        for (int i = 0; i < count; i++) {
            int start = i == 0 ? 0 : (int) Math.floor((1 - overlap) * i * l);
            int end = i == count - 1 ? batch : (int) Math.floor((1 + overlap) * (i + 1) * l);
            out[i][0] = start;
            out[i][1] = Math.min(end, batch);
        }
        return out;
    }
}
