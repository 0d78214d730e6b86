package ibinit.train;

import java.util.List;

/**
 * What a training loop produced: the status (with a one-line {@code detail}, e.g. "diverged at
 * epoch 3 step 17: train loss NaN"), the per-epoch history, and the minimum test error with the
 * epoch it occurred in (from 1; 0 and NaN when no epoch finished), the papers' "error (epoch)".
 */
public record TrainingOutcome(RunStatus status, String detail, List<EpochStats> history, double bestError,
                              int bestEpoch, double seconds) {
    public TrainingOutcome {
        history = List.copyOf(history);
    }

    /** Picks the minimum test error of {@code history}; the first epoch wins a tie. */
    public static TrainingOutcome of(RunStatus status, String detail, List<EpochStats> history, double seconds) {
        double best = Double.NaN;
        int epoch = 0;
        for (EpochStats e : history) {
            if (Double.isFinite(e.testError()) && (Double.isNaN(best) || e.testError() < best)) {
                best = e.testError();
                epoch = e.epoch();
            }
        }
        return new TrainingOutcome(status, detail, history, best, epoch, seconds);
    }
}
