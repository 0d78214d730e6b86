package ibinit.info;

import ibinit.text.Numbers;
import java.util.Arrays;

/**
 * Settings of a MINE (or AA-MINE) estimator. {@link #defaults()} follows the MINE paper (Belghazi et al. 2018) and the IB-training paper:
 * critic of two hidden layers of 1500 with leaky ReLU (PyTorch's default slope 0.01), Adam at
 * lr 1e-4 (the AA-MINE paper's critic rate), batch 256, the bias-corrected DV gradient with
 * moving-average rate 0.01, marginals by permutation, and estimates averaged over the last 100
 * steps.
 *
 * @param hidden       critic hidden-layer widths
 * @param slope        leaky-ReLU slope of the critic (&gt;= 0)
 * @param learningRate Adam learning rate of the critic
 * @param batchSize    joint pairs per step (marginal rows come on top, see {@link MarginalSampling})
 * @param steps        critic updates that {@code estimate(a, b)} runs
 * @param objective    bound and gradient
 * @param marginals    how the batch gives product-of-marginal samples
 * @param emaRate      rate of the bias-corrected gradient's moving average
 * @param window       steps that the reported moving average and spread cover
 * @param seed         critic initialisation, batches and marginal shuffles
 */
public record MineConfig(int[] hidden, float slope, float learningRate, int batchSize, int steps,
                         MineObjective objective, MarginalSampling marginals, double emaRate, int window, long seed) {

    public MineConfig {
        hidden = hidden.clone();
        for (int h : hidden) if (h < 1) throw new IllegalArgumentException("critic hidden sizes must be positive: " + Arrays.toString(hidden));
        if (!(slope >= 0) || !Float.isFinite(slope)) throw new IllegalArgumentException("leaky-ReLU slope must be >= 0, got " + slope);
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        if (batchSize < 2) throw new IllegalArgumentException("batch size must be >= 2, got " + batchSize);
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        if (objective == null || marginals == null) throw new IllegalArgumentException("objective and marginal sampling are required");
        if (!(emaRate > 0 && emaRate <= 1)) throw new IllegalArgumentException("moving-average rate must lie in (0, 1], got " + emaRate);
        if (window < 1) throw new IllegalArgumentException("averaging window must be >= 1, got " + window);
    }

    public static MineConfig defaults() {
        return new MineConfig(new int[] {1500, 1500}, 0.01f, 1e-4f, 256, 2000, MineObjective.DV_BIAS_CORRECTED,
                MarginalSampling.PERMUTATION, 0.01, 100, 0);
    }

    @Override public int[] hidden() { return hidden.clone(); }

    public MineConfig withHidden(int... h) { return new MineConfig(h, slope, learningRate, batchSize, steps, objective, marginals, emaRate, window, seed); }
    public MineConfig withSlope(float s) { return new MineConfig(hidden, s, learningRate, batchSize, steps, objective, marginals, emaRate, window, seed); }
    public MineConfig withLearningRate(float lr) { return new MineConfig(hidden, slope, lr, batchSize, steps, objective, marginals, emaRate, window, seed); }
    public MineConfig withBatchSize(int b) { return new MineConfig(hidden, slope, learningRate, b, steps, objective, marginals, emaRate, window, seed); }
    public MineConfig withSteps(int n) { return new MineConfig(hidden, slope, learningRate, batchSize, n, objective, marginals, emaRate, window, seed); }
    public MineConfig withObjective(MineObjective o) { return new MineConfig(hidden, slope, learningRate, batchSize, steps, o, marginals, emaRate, window, seed); }
    public MineConfig withMarginals(MarginalSampling m) { return new MineConfig(hidden, slope, learningRate, batchSize, steps, objective, m, emaRate, window, seed); }
    public MineConfig withEmaRate(double r) { return new MineConfig(hidden, slope, learningRate, batchSize, steps, objective, marginals, r, window, seed); }
    public MineConfig withWindow(int w) { return new MineConfig(hidden, slope, learningRate, batchSize, steps, objective, marginals, emaRate, w, seed); }
    public MineConfig withSeed(long s) { return new MineConfig(hidden, slope, learningRate, batchSize, steps, objective, marginals, emaRate, window, s); }

    /** e.g. {@code dv-bias-corrected, critic 1500-1500 leaky 0.01, adam lr 1e-4, batch 256, permutation}. */
    public String describe() {
        StringBuilder h = new StringBuilder();
        for (int w : hidden) h.append(h.isEmpty() ? "" : "-").append(w);
        return objective.cliName + ", critic " + h + " leaky " + Numbers.format(slope) + ", adam lr " + Numbers.format(learningRate)
                + ", batch " + batchSize
                + ", " + marginals.cliName + " marginals, " + steps + " steps, average of last " + window;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MineConfig c && Arrays.equals(hidden, c.hidden) && slope == c.slope && learningRate == c.learningRate
                && batchSize == c.batchSize && steps == c.steps && objective == c.objective && marginals == c.marginals
                && emaRate == c.emaRate && window == c.window && seed == c.seed;
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(hidden) + java.util.Objects.hash(slope, learningRate, batchSize, steps, objective, marginals, emaRate, window, seed); }

    @Override
    public String toString() { return "MineConfig[" + describe() + ", seed " + seed + "]"; }
}
