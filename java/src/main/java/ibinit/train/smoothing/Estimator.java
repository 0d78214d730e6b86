package ibinit.train.smoothing;

import java.util.Locale;

/** How a smoothed step turns the sampled points into one gradient. */
public enum Estimator {
    /** (b), the default: the mean of the gradients at W and at the K extra points W + dW_k. */
    MEAN("mean"),
    /** (a): the mean of the gradients at the K points W + dW_k only (K = 1: the one-sample gradient of the box-smoothed loss). */
    SAMPLE("sample"),
    /** (c): an Entropy-SGD inner loop of L steps from W with box-kernel noise; the step's gradient is W - mu. */
    ENTROPY_SGD("entropy-sgd");

    public final String cliName;

    Estimator(String cliName) { this.cliName = cliName; }

    public static Estimator parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "mean", "b" -> MEAN;
            case "sample", "a" -> SAMPLE;
            case "entropy-sgd", "c" -> ENTROPY_SGD;
            default -> throw new IllegalArgumentException("unknown smoothing estimator '" + text + "' (choose from mean (b), sample (a), entropy-sgd (c))");
        };
    }
}
