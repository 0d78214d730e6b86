package ibinit.info.ib;

import java.util.Arrays;
import java.util.Locale;

/**
 * Settings of an IB training run. The paper's values, which {@code ib-train}
 * takes as its defaults: 5000 iterations per layer, 10 critic updates per network update, critics
 * of two hidden layers of 1500, critic Adam lr 1e-4, network Adam lr 1e-3, beta = 1e-3, sigma^2 = 2.
 *
 * @param mode            layer by layer, or end to end
 * @param objective       ce, ib-y-only or ib
 * @param iterations      network updates per hidden layer (layerwise) or in all (end to end)
 * @param criticSteps     updates of each critic before each network update (k)
 * @param pretrainSteps   critic updates before a layer's (or the network's) first update ("until the bound plateaus")
 * @param headSteps       layerwise: cross-entropy updates of the linear head on the frozen last hidden layer
 * @param batch           rows per update (capped at the training set's size)
 * @param networkLr       Adam learning rate of the network
 * @param criticLr        Adam learning rate of the critics
 * @param criticHidden    critic hidden widths
 * @param noiseVariance   sigma^2 of eps in I(X; L + eps)
 * @param ceWeight        end to end: weight of cross-entropy (the paper's alpha)
 * @param iyWeight        weight of I(Y; L) (layerwise: 1; end to end: the paper's beta)
 * @param ixWeight        weight of I(X; L + eps) (layerwise: the paper's beta = 1e-3; end to end: its gamma)
 * @param checkpointEvery steps between checkpoints (a step: one network update with its critic updates, or one pre-training update)
 * @param seed            initial weights, critics, batches, marginal pairings and noise
 */
public record IbConfig(IbMode mode, IbObjective objective, int iterations, int criticSteps, int pretrainSteps, int headSteps,
                       int batch, double networkLr, double criticLr, int[] criticHidden, double noiseVariance,
                       double ceWeight, double iyWeight, double ixWeight, int checkpointEvery, long seed) {
    public IbConfig {
        criticHidden = criticHidden.clone();
        if (mode == null || objective == null) throw new IllegalArgumentException("mode and objective are required");
        positive("--iterations", iterations);
        positive("--critic-steps", criticSteps);
        if (criticSteps > 60) throw new IllegalArgumentException("--critic-steps must be <= 60, got " + criticSteps);
        positive("--batch", batch);
        positive("--checkpoint-every", checkpointEvery);
        if (pretrainSteps < 0) throw new IllegalArgumentException("--pretrain-steps must be >= 0, got " + pretrainSteps);
        if (headSteps < 0 || (mode == IbMode.LAYERWISE && headSteps == 0)) {
            throw new IllegalArgumentException("--head-steps must be >= 1 in layerwise mode (the head is trained only then), got " + headSteps);
        }
        if (batch < 2) throw new IllegalArgumentException("--batch must be >= 2 (MINE pairs rows of a batch), got " + batch);
        rate("--lr", networkLr);
        rate("--critic-lr", criticLr);
        for (int h : criticHidden) positive("--critic-hidden", h);
        if (criticHidden.length == 0) throw new IllegalArgumentException("--critic-hidden needs at least one width");
        if (!(noiseVariance > 0) || !Double.isFinite(noiseVariance)) throw new IllegalArgumentException("--noise-variance must be > 0, got " + noiseVariance);
        for (double w : new double[] {ceWeight, iyWeight, ixWeight}) {
            if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("term weights must be >= 0, got " + w);
        }
    }

    private static void positive(String option, int v) {
        if (v < 1) throw new IllegalArgumentException(option + " must be >= 1, got " + v);
    }

    private static void rate(String option, double v) {
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException(option + " must be > 0, got " + v);
    }

    @Override public int[] criticHidden() { return criticHidden.clone(); }

    /** Weight of I(Y; L) as the objective uses it (0 for ce). */
    public double effectiveIy() { return objective == IbObjective.CE ? 0 : iyWeight; }

    /** Weight of I(X; L + eps) as the objective uses it (0 unless ib). */
    public double effectiveIx() { return objective == IbObjective.IB ? ixWeight : 0; }

    /** Weight of cross-entropy in end-to-end training (1 for the ce baseline). */
    public double effectiveCe() { return objective == IbObjective.CE ? 1 : ceWeight; }

    /** Every setting that shapes the run, to refuse a --resume under different ones. */
    public String fingerprint() {
        return String.format(Locale.ROOT, "mode=%s objective=%s iterations=%d criticSteps=%d pretrain=%d head=%d batch=%d lr=%s criticLr=%s "
                        + "critic=%s noise=%s ce=%s iy=%s ix=%s seed=%d", mode.cliName, objective.cliName, iterations, criticSteps,
                pretrainSteps, headSteps, batch, networkLr, criticLr, Arrays.toString(criticHidden), noiseVariance, ceWeight, iyWeight,
                ixWeight, seed);
    }

    /** Every setting that changes the result, by its ib-train option name (for the checkpoint's identity). */
    public java.util.Map<String, String> options(java.util.function.DoubleFunction<String> number) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("--mode", mode.cliName);
        m.put("--objective", objective.cliName);
        m.put("--iterations", String.valueOf(iterations));
        m.put("--critic-steps", String.valueOf(criticSteps));
        m.put("--pretrain-steps", String.valueOf(pretrainSteps));
        m.put("--head-steps", String.valueOf(headSteps));
        m.put("--batch", String.valueOf(batch));
        m.put("--lr", number.apply(networkLr));
        m.put("--critic-lr", number.apply(criticLr));
        m.put("--critic-hidden", Arrays.toString(criticHidden));
        m.put("--noise-variance", number.apply(noiseVariance));
        m.put("--ce-weight", number.apply(ceWeight));
        m.put("--iy-weight", number.apply(iyWeight));
        m.put("--ix-weight", number.apply(ixWeight));
        m.put("--seed", String.valueOf(seed));
        return m;
    }

    @Override public boolean equals(Object o) { return o instanceof IbConfig c && fingerprint().equals(c.fingerprint()) && checkpointEvery == c.checkpointEvery; }

    @Override public int hashCode() { return fingerprint().hashCode(); }

    @Override public String toString() { return "IbConfig[" + fingerprint() + " checkpointEvery=" + checkpointEvery + "]"; }
}
