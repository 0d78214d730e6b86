package ibinit.info;

/**
 * The value a MINE critic reports and the gradient it descends, per batch. The gradient is that
 * of the loss to minimise (minus the objective's surrogate) with respect to each critic output.
 * For {@link MineObjective#DV_BIAS_CORRECTED} it keeps the moving average of mean exp(T_marg) as
 * its logarithm, updated with the current batch before use:
 * {@code logEma = logaddexp(log(1 - rate) + logEma, log(rate) + logMeanExp(T_marg))}, so it cannot
 * overflow in float32 the way exp(T) can; the first batch starts it at its own value.
 */
public final class MineLoss {
    private final MineObjective objective;
    private final double rate;
    private double logEma = Double.NaN;

    public MineLoss(MineObjective objective, double emaRate) {
        if (!(emaRate > 0 && emaRate <= 1)) throw new IllegalArgumentException("moving-average rate must lie in (0, 1], got " + emaRate);
        this.objective = objective;
        this.rate = emaRate;
    }

    public MineObjective objective() { return objective; }

    /** log of the moving average of mean exp(T_marg); NaN before the first bias-corrected batch. */
    public double logMovingAverage() { return logEma; }

    /** Sets the moving average's logarithm (resuming from a checkpoint; NaN: start afresh). */
    public void restoreLogMovingAverage(double value) { logEma = value; }

    /**
     * Returns the bound of this batch (DV for the DV objectives, MINE-f for MINE-f) and fills
     * {@code gradJoint}, {@code gradMarg} with d(loss)/dT.
     */
    public double evaluate(float[] tJoint, float[] tMarg, float[] gradJoint, float[] gradMarg) {
        double meanJoint = MineBounds.mean(tJoint);
        float gj = -1.0f / tJoint.length;
        java.util.Arrays.fill(gradJoint, 0, tJoint.length, gj);
        int n = tMarg.length;
        switch (objective) {
            case MINE_F -> {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    double e = Math.exp(tMarg[i] - 1.0);
                    s += e;
                    gradMarg[i] = (float) (e / n);
                }
                return meanJoint - s / n;
            }
            case DV, DV_BIAS_CORRECTED -> {
                double lme = MineBounds.logMeanExp(tMarg);
                double denominator = lme; // plain DV: d LME / dT_i = exp(T_i - LME) / n
                if (objective == MineObjective.DV_BIAS_CORRECTED) {
                    logEma = Double.isNaN(logEma) ? lme
                            : MineBounds.logAddExp(Math.log1p(-rate) + logEma, Math.log(rate) + lme);
                    denominator = logEma;
                }
                for (int i = 0; i < n; i++) gradMarg[i] = (float) (Math.exp(tMarg[i] - denominator) / n);
                return meanJoint - lme;
            }
            default -> throw new AssertionError(objective);
        }
    }
}
