package ibinit.init.scales;

/**
 * GradInit's settings (Zhu et al., NeurIPS 2021), SGD variant: T steps on batches of
 * {@code batch} rows (S = x0 u x1 two halves, S~ = x0 u x2 with a fresh half x2), the step
 * eta of the look-ahead theta - eta g / ||g||, the gradient-norm bound gamma, the scale
 * learning rate tau and the smallest weight scale s_min. Defaults (the paper's CIFAR ones but
 * T): T 100, batch 128, eta 0.1, gamma 1, tau 0.01, s_min 0.01.
 */
public record GradInitOptions(int steps, int batch, double eta, double gamma, double tau, double minScale) {
    public static final GradInitOptions DEFAULTS = new GradInitOptions(100, 128, 0.1, 1, 0.01, 0.01);

    public GradInitOptions {
        if (steps < 1) throw new IllegalArgumentException("gradinit needs T >= 1 steps, got " + steps);
        if (batch < 2 || batch % 2 != 0) throw new IllegalArgumentException("gradinit batch must be even and >= 2 (two halves), got " + batch);
        if (!(eta > 0) || !Double.isFinite(eta)) throw new IllegalArgumentException("gradinit eta must be > 0, got " + eta);
        if (!(gamma > 0)) throw new IllegalArgumentException("gradinit gamma must be > 0, got " + gamma);
        if (!(tau > 0) || !Double.isFinite(tau)) throw new IllegalArgumentException("gradinit tau must be > 0, got " + tau);
        if (!(minScale >= 0) || !Double.isFinite(minScale)) throw new IllegalArgumentException("gradinit s_min must be >= 0, got " + minScale);
    }

    /** Rows of the initialization sample one step reads: S and the fresh half x2. */
    public int rowsPerStep() { return batch + batch / 2; }
}
