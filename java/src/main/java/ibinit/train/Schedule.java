package ibinit.train;

import java.util.Locale;

/**
 * A learning-rate schedule, applied once per epoch (epochs counted from 0 here):
 * <ul>
 *   <li>{@code constant}: lr;</li>
 *   <li>{@code step}: lr * gamma^floor(epoch / stepSize) (PyTorch's StepLR);</li>
 *   <li>{@code cosine}: lr * (1 + cos(pi * epoch / epochs)) / 2 (PyTorch's CosineAnnealingLR with
 *       T_max = epochs, eta_min = 0): the rate would reach 0 after the last epoch, so the last
 *       epoch still trains with a small positive rate.</li>
 * </ul>
 * A record of plain fields so it travels inside a JSON run description.
 */
public record Schedule(String kind, int stepSize, double gamma) {
    public static final Schedule CONSTANT = new Schedule("constant", 0, 1.0);

    public Schedule {
        kind = kind.trim().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "constant", "cosine" -> { }
            case "step" -> {
                if (stepSize < 1) throw new IllegalArgumentException("step schedule needs --step-size >= 1 epoch, got " + stepSize);
                if (!(gamma > 0) || !Double.isFinite(gamma)) {
                    throw new IllegalArgumentException("step schedule needs --gamma > 0, got " + gamma);
                }
            }
            default -> throw new IllegalArgumentException("unknown schedule '" + kind + "' (choose from constant, step, cosine)");
        }
    }

    public static Schedule step(int stepSize, double gamma) { return new Schedule("step", stepSize, gamma); }

    public static Schedule cosine() { return new Schedule("cosine", 0, 1.0); }

    /** The learning rate for {@code epoch} (0-based) of a run of {@code epochs} epochs. */
    public double rate(double baseRate, int epoch, int epochs) {
        if (epoch < 0 || epoch >= epochs) throw new IllegalArgumentException("epoch " + epoch + " outside 0.." + (epochs - 1));
        return switch (kind) {
            case "step" -> baseRate * Math.pow(gamma, epoch / stepSize);
            case "cosine" -> baseRate * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
            default -> baseRate;
        };
    }

    /** e.g. {@code step(every 10 epochs, gamma 0.1)}. */
    public String describe() {
        return switch (kind) {
            case "step" -> "step(every " + stepSize + " epochs, gamma " + gamma + ")";
            case "cosine" -> "cosine(to 0 over the run)";
            default -> "constant";
        };
    }
}
