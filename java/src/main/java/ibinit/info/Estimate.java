package ibinit.info;

/**
 * One mutual-information estimate, in nats.
 *
 * @param value         the estimate of the last step (a trained estimator) or the estimate (a closed-form one)
 * @param movingAverage mean over the last {@code window} steps: the number to report for MINE,
 *                      whose per-batch values are noisy
 * @param std           sample standard deviation over those steps (0 for a closed-form estimate)
 * @param window        how many steps the average and spread cover (1 for a closed-form estimate)
 */
public record Estimate(double value, double movingAverage, double std, int window) {

    private static final double LN2 = Math.log(2);

    /** A closed-form estimate (binning, KDE): no steps, no spread. */
    public static Estimate exact(double nats) { return new Estimate(nats, nats, 0, 1); }

    /** The estimator's unit: every estimate of ibinit.info is in nats. */
    public String unit() { return "nats"; }

    /** The moving average in bits (the unit of Shwartz-Ziv and Tishby's plots). */
    public double bits() { return movingAverage / LN2; }

    @Override
    public String toString() {
        return window == 1 ? String.format("%.6f nats", value)
                : String.format("%.6f nats (last %.6f, std %.6f over %d steps)", movingAverage, value, std, window);
    }
}
