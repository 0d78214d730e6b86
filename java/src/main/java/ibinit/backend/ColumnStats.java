package ibinit.backend;

/** Per-column mean and variance, in double. */
public record ColumnStats(double[] mean, double[] variance) {
    /** Sum of the variances. */
    public double varianceSum() {
        double s = 0;
        for (double v : variance) s += v;
        return s;
    }
}
