package ibinit.info;

/** The last {@code window} per-step values of a trained estimator, reported as an {@link Estimate}. */
final class EstimateHistory {
    private final double[] ring;
    private int count;
    private int next;
    private double last = Double.NaN;

    EstimateHistory(int window) {
        if (window < 1) throw new IllegalArgumentException("averaging window must be >= 1, got " + window);
        ring = new double[window];
    }

    void add(double value) {
        ring[next] = value;
        next = (next + 1) % ring.length;
        count = Math.min(count + 1, ring.length);
        last = value;
    }

    int size() { return count; }

    Estimate estimate() {
        if (count == 0) throw new IllegalStateException("no steps taken yet");
        double sum = 0;
        for (int i = 0; i < count; i++) sum += ring[i];
        double mean = sum / count;
        double sq = 0;
        for (int i = 0; i < count; i++) sq += (ring[i] - mean) * (ring[i] - mean);
        double std = count > 1 ? Math.sqrt(sq / (count - 1)) : 0;
        return new Estimate(last, mean, std, count);
    }
}
