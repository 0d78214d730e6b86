package ibinit.info;

import ibinit.backend.Backend;
import ibinit.tensor.Tensor;

/**
 * The KDE bounds of Kolchinsky and Tracey as Saxe et al. (2018) use them: T is taken with added
 * Gaussian noise of variance sigma^2 (0.1 in their MNIST notebook), and with D_ij = ||t_i - t_j||^2,
 * <pre>
 *   A(S) = -(1/|S|) sum_{i in S} log[ (1/|S|) sum_{j in S} exp(-D_ij / (k sigma^2)) ]
 *   I(D; T) = A(all) - sum_d p(d) A(rows with D = d)
 * </pre>
 * k = 2 for the upper bound, k = 8 for the lower (Bhattacharyya) bound; the Gaussian constants
 * cancel between the two entropies. With every input distinct each group is one row (A = 0), so
 * I(X; T) = A(all). Results in nats.
 *
 * <p>The N x N exponents come from one GEMM per block of rows: -D_ij/(k sigma^2) =
 * (2 t_i.t_j - ||t_j||^2 - ||t_i||^2) / (k sigma^2), where the ||t_j||^2 term is a bias added to
 * every row and the ||t_i||^2 term leaves the row's log-sum-exp as a constant.
 */
public final class KdeEstimator implements MutualInformationEstimator {
    /** Which bound: the kernel width factor k in exp(-D / (k sigma^2)). */
    public enum Bound {
        UPPER(2), LOWER(8);

        final double widthFactor;

        Bound(double widthFactor) { this.widthFactor = widthFactor; }
    }

    /** Exponent entries per GEMM block (16 MiB of floats). */
    private static final long BLOCK_ELEMENTS = 1L << 22;

    private final Backend backend;
    private final Bound bound;
    private final double noiseVariance;

    public KdeEstimator(Backend backend, Bound bound, double noiseVariance) {
        if (!(noiseVariance > 0) || !Double.isFinite(noiseVariance)) {
            throw new IllegalArgumentException("noise variance must be > 0, got " + noiseVariance);
        }
        this.backend = backend;
        this.bound = bound;
        this.noiseVariance = noiseVariance;
    }

    @Override
    public String describe() { return "kde(" + bound.name().toLowerCase(java.util.Locale.ROOT) + " bound, noise variance " + noiseVariance + ")"; }

    @Override
    public Estimate estimate(Tensor d, Tensor t) {
        if (d.rows() != t.rows()) throw new IllegalArgumentException("paired samples differ in count: " + d.describe() + " and " + t.describe());
        int n = t.rows();
        int[][] groups = Symbols.groups(Symbols.ofRows(d));
        double[] norms = squaredNorms(t);
        try (Tensor t2 = t.rank() == 2 ? null : t.view(n, t.cols())) {
            Tensor m = t2 == null ? t : t2;
            double conditional = 0;
            for (int[] g : groups) if (g.length > 1) conditional += (double) g.length / n * pairwiseTerm(m, g, norms);
            return Estimate.exact(pairwiseTerm(m, null, norms) - conditional);
        }
    }

    /** ||t_i||^2 per row, in double on the host. */
    private static double[] squaredNorms(Tensor t) {
        float[] v = t.backend().toFloatArray(t);
        int rows = t.rows(), cols = t.cols();
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0; c < cols; c++) s += (double) v[r * cols + c] * v[r * cols + c];
            out[r] = s;
        }
        return out;
    }

    /** A(S) for S = the given rows of t (all rows when null). */
    double pairwiseTerm(Tensor t, int[] rows, double[] norms) {
        int k = rows == null ? t.rows() : rows.length, dims = t.cols();
        double scale = 1.0 / (bound.widthFactor * noiseVariance);
        float[] bias = new float[k];
        for (int j = 0; j < k; j++) bias[j] = (float) (-scale * norms[rows == null ? j : rows[j]]);
        int block = (int) Math.max(1, Math.min(k, BLOCK_ELEMENTS / k));
        double sum = 0;
        try (Tensor s = subset(t, rows, k, dims);
             Tensor biasT = backend.fromArray(bias, k);
             Tensor chunk = backend.zeros(block, dims);
             Tensor exponents = backend.zeros(block, k);
             Tensor lse = backend.zeros(block)) {
            for (int r0 = 0; r0 < k; r0 += block) {
                int c = Math.min(block, k - r0);
                int[] idx = new int[c];
                for (int i = 0; i < c; i++) idx[i] = r0 + i;
                Tensor ci = chunk.firstRows(c), ei = exponents.firstRows(c), li = lse.firstRows(c);
                backend.gatherRows(s, 0, idx, ci, 0, dims);
                backend.gemm(false, true, (float) (2 * scale), ci, s, 0f, ei);
                backend.addBias(ei, biasT);
                backend.logSumExpRows(ei, li);
                float[] out = backend.toFloatArray(li);
                for (int i = 0; i < c; i++) sum += out[i] + bias[r0 + i] - Math.log(k); // bias[i] = -scale ||t_i||^2
            }
        }
        return -sum / k;
    }

    private Tensor subset(Tensor t, int[] rows, int k, int dims) {
        Tensor s = backend.zeros(k, dims);
        backend.gatherRows(t, 0, rows, s, 0, dims);
        return s;
    }
}
