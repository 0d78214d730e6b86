package ibinit.backend;

/**
 * The truncated normal is drawn by rejection (at most 256 rounds, then clamped). Ranges whose
 * acceptance could fall below about 9% are refused rather than silently clamped: the range must
 * be at least half a standard deviation wide and reach within one standard deviation of the mean.
 */
final class TruncationRange {
    private TruncationRange() { }

    static void check(float mean, float std, float lo, float hi) {
        double a = (lo - (double) mean) / std;
        double b = (hi - (double) mean) / std;
        double nearest = a > 0 ? a : (b < 0 ? -b : 0);
        if (!(b - a >= 0.5) || nearest > 1.0) {
            throw new IllegalArgumentException("truncated normal range [" + lo + ", " + hi + "] for mean " + mean + ", std " + std
                    + " is too narrow or too far in the tail (needs a width of at least 0.5 std reaching within 1 std of the mean)");
        }
    }
}
