package ibinit.train;

import ibinit.train.smoothing.Smoothing;

/**
 * How a network is trained. The last mini-batch of an epoch is kept even when smaller than
 * {@code batchSize} (PyTorch's DataLoader default, drop_last=False), so every training row is
 * seen once per epoch; its loss counts as one batch in the epoch's mean. {@code clip} is the
 * global gradient-norm bound, 0 for none. {@code smoothing} is the entropic-smoothing protocol
 * ({@link Smoothing#NONE}: plain steps).
 */
public record TrainOptions(int epochs, int batchSize, Schedule schedule, double clip, long seed, Smoothing smoothing) {
    public TrainOptions(int epochs, int batchSize, Schedule schedule, double clip, long seed) {
        this(epochs, batchSize, schedule, clip, seed, Smoothing.NONE);
    }

    public TrainOptions {
        if (smoothing == null) smoothing = Smoothing.NONE;
        if (epochs < 1) throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("--batch must be >= 1, got " + batchSize);
        if (!(clip >= 0) || !Double.isFinite(clip)) throw new IllegalArgumentException("--clip must be >= 0 (0: off), got " + clip);
        if (schedule == null) schedule = Schedule.CONSTANT;
    }
}
