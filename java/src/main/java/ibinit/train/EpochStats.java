package ibinit.train;

/**
 * One finished epoch. {@code epoch} counts from 1 (the papers' convention); {@code trainLoss} is
 * the mean of the mini-batch losses; {@code testError} is in percent (misclassified / total * 100).
 * Training and evaluation are timed apart so a slow evaluation never hides in a step time.
 */
public record EpochStats(int epoch, double learningRate, double trainLoss, double testLoss, double testError,
                         double trainSeconds, double evalSeconds) {
    public double seconds() { return trainSeconds + evalSeconds; }
}
