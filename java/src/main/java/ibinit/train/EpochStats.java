package ibinit.train;

import java.util.List;

/**
 * One finished epoch. {@code epoch} counts from 1 (the papers' convention); {@code trainLoss} is
 * the mean of the mini-batch losses; {@code testError} is in percent (misclassified / total * 100).
 * Training and evaluation are timed apart so a slow evaluation never hides in a step time.
 * {@code radii}: the entropic-smoothing radius of each smoothed layer in this epoch, first to
 * last (empty without smoothing).
 */
public record EpochStats(int epoch, double learningRate, double trainLoss, double testLoss, double testError,
                         double trainSeconds, double evalSeconds, List<Double> radii) {
    public EpochStats {
        radii = radii == null ? List.of() : List.copyOf(radii);
    }

    public EpochStats(int epoch, double learningRate, double trainLoss, double testLoss, double testError,
                      double trainSeconds, double evalSeconds) {
        this(epoch, learningRate, trainLoss, testLoss, testError, trainSeconds, evalSeconds, List.of());
    }

    public double seconds() { return trainSeconds + evalSeconds; }
}
