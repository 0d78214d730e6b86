package ibinit.info;

import ibinit.tensor.Tensor;

/**
 * Binning (Shwartz-Ziv and Tishby 2017): each activation is put in an equal-width bin, labelled
 * by the bin's left edge as their code does (np.digitize on the edges); values outside the range
 * are clipped to the first or last bin, never wrapped (their code sends values below the first
 * edge to the last bin). Each sample's row of bins is one symbol T; then I(D; T) = H(T) -
 * sum_d p(d) H(T | d) for the discrete variable D of {@code estimate(d, t)}, in nats (divide by
 * ln 2 for their bits). With every input distinct, I(X; T) = H(T).
 *
 * <p>The range is fixed (default [-1, 1], right for tanh) or fitted to each call's activations
 * (min to max: needed for unbounded ones such as ReLU); the bins are given by their edge count
 * (default 30, as theirs) or their width.
 */
public final class BinningEstimator implements MutualInformationEstimator {
    private final double lo, hi;    // NaN: fitted to the data
    private final int edges;        // > 0, or 0 when width is used
    private final double width;     // > 0, or 0 when edges is used

    private BinningEstimator(double lo, double hi, int edges, double width) {
        if (!Double.isNaN(lo) && !(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("binning range [" + lo + ", " + hi + "] must be finite and non-empty");
        }
        if (width == 0 && edges < 2) throw new IllegalArgumentException("binning needs at least 2 edges, got " + edges);
        if (edges == 0 && !(width > 0 && Double.isFinite(width))) throw new IllegalArgumentException("bin width must be > 0, got " + width);
        this.lo = lo;
        this.hi = hi;
        this.edges = edges;
        this.width = width;
    }

    /** Their default: 30 edges on [-1, 1]. */
    public static BinningEstimator defaults() { return withEdges(30, -1, 1); }

    public static BinningEstimator withEdges(int edges, double lo, double hi) { return new BinningEstimator(lo, hi, edges, 0); }

    public static BinningEstimator withWidth(double width, double lo, double hi) { return new BinningEstimator(lo, hi, 0, width); }

    /** Range from each call's smallest to largest activation. */
    public static BinningEstimator fittedEdges(int edges) { return new BinningEstimator(Double.NaN, Double.NaN, edges, 0); }

    public static BinningEstimator fittedWidth(double width) { return new BinningEstimator(Double.NaN, Double.NaN, 0, width); }

    @Override
    public String describe() {
        String range = Double.isNaN(lo) ? "fitted range" : "range [" + lo + ", " + hi + "]";
        return "binning(" + (edges > 0 ? edges + " edges" : "width " + width) + ", " + range + ", clipped)";
    }

    @Override
    public Estimate estimate(Tensor d, Tensor t) {
        if (d.rows() != t.rows()) throw new IllegalArgumentException("paired samples differ in count: " + d.describe() + " and " + t.describe());
        float[] values = t.backend().toFloatArray(t);
        return Estimate.exact(Symbols.mutualInformation(Symbols.ofRows(d), symbols(values, t.rows(), t.cols())));
    }

    /** H(T) of binned activations [rows, cols] in nats. */
    public double entropy(float[] values, int rows, int cols) { return Symbols.entropy(symbols(values, rows, cols), null); }

    /** One symbol per row of binned activations. */
    int[] symbols(float[] values, int rows, int cols) {
        double[] e = edges(values);
        int[] bins = new int[values.length];
        for (int i = 0; i < values.length; i++) bins[i] = bin(e, values[i]);
        return Symbols.ofRows(bins, rows, cols);
    }

    /** The bin edges for these values (the fitted range reads them). */
    double[] edges(float[] values) {
        double a = lo, b = hi;
        if (Double.isNaN(lo)) {
            a = Double.POSITIVE_INFINITY;
            b = Double.NEGATIVE_INFINITY;
            for (float v : values) {
                if (Float.isNaN(v)) throw new IllegalArgumentException("activations contain NaN");
                a = Math.min(a, v);
                b = Math.max(b, v);
            }
            if (values.length == 0) a = b = 0;
        }
        int count = edges > 0 ? edges : (int) Math.min(1 << 20, Math.floor((b - a) / width) + 1);
        double step = edges > 0 ? (b - a) / (count - 1) : width;
        double[] e = new double[count];
        for (int k = 0; k < count; k++) e[k] = a + k * step; // numpy.linspace's formula
        if (edges > 0) e[count - 1] = b;
        return e;
    }

    /** np.digitize(v, e) - 1, clipped to [0, e.length - 1]: values below the range go to the first bin. */
    static int bin(double[] e, float v) {
        if (Float.isNaN(v)) throw new IllegalArgumentException("activations contain NaN");
        int lo = 0, hi = e.length; // count of edges <= v, by bisection
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (e[mid] <= v) lo = mid + 1; else hi = mid;
        }
        return Math.max(lo - 1, 0);
    }
}
