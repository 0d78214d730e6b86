package ibinit.init.scales;

/**
 * NIO's settings (Yang et al., NeurIPS 2022): D sub-batches of a batch of {@code batch} rows with
 * overlap ratio r, T steps, the gradient-norm bound gamma, the scale learning rate tau, the
 * weight lambda of the norm term in the objective step, and the smallest weight scale s_min.
 * Defaults: D 2, r 0.7 (the paper's CIFAR range 0.6-0.8), T 100, gamma 3 (CIFAR 2-5), tau 0.015
 * (the paper's best without batch norm), lambda 1 (the released code), s_min 0.01, batch 128.
 */
public record NioOptions(int subBatches, double overlap, int steps, double gamma, double tau, double lambda,
                         double minScale, int batch) {
    public static final NioOptions DEFAULTS = new NioOptions(2, 0.7, 100, 3, 0.015, 1, 0.01, 128);

    public NioOptions {
        if (subBatches < 2) throw new IllegalArgumentException("nio needs D >= 2 sub-batches (B-GC compares pairs), got " + subBatches);
        if (!(overlap >= 0 && overlap < 1)) throw new IllegalArgumentException("nio overlap r must lie in [0, 1), got " + overlap);
        if (steps < 1) throw new IllegalArgumentException("nio needs T >= 1 steps, got " + steps);
        if (!(gamma > 0)) throw new IllegalArgumentException("nio gamma must be > 0, got " + gamma);
        if (!(tau > 0) || !Double.isFinite(tau)) throw new IllegalArgumentException("nio tau must be > 0, got " + tau);
        if (!(lambda >= 0) || !Double.isFinite(lambda)) throw new IllegalArgumentException("nio lambda must be >= 0, got " + lambda);
        if (!(minScale >= 0) || !Double.isFinite(minScale)) throw new IllegalArgumentException("nio s_min must be >= 0, got " + minScale);
        if (batch < subBatches) throw new IllegalArgumentException("nio batch must hold the " + subBatches + " sub-batches, got " + batch);
    }
}
