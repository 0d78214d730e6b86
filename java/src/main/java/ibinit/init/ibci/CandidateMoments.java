package ibinit.init.ibci;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.tensor.Tensor;

/**
 * Per-class first and second moments of every candidate's output z_j = act(H w_j), streamed over
 * the sample in chunks of rows: a chunk of H [rows, d_in] times the candidates [K, d_in]^T, the
 * activation in place, then per-class sums and sums of squares accumulated in double by the
 * backend's {@code classColumnMoments}. Only a chunk x K block of outputs exists at a time, never
 * N x K.
 *
 * @param counts     samples per class
 * @param sums       [classes x K]: sum of z_j over class c at {@code c * K + j}
 * @param sumSquares [classes x K]: sum of z_j^2 over class c
 */
public record CandidateMoments(int classes, int candidates, long[] counts, double[] sums, double[] sumSquares) {

    /** About this many output values per chunk (4 MiB of floats): big enough for GEMM, small enough for cache. */
    static final int CHUNK_VALUES = 1 << 20;

    /**
     * @param h          the layer's input for the sample, [N, d_in]
     * @param labels     int32 [N], in [0, classes)
     * @param candidates [K, d_in]
     */
    public static CandidateMoments measure(Backend b, Tensor h, Tensor labels, int[] hostLabels, int classes, Tensor candidates,
                                           Activation act, float actParam) {
        int n = h.rows(), k = candidates.rows();
        if (h.cols() != candidates.cols()) {
            throw new IllegalArgumentException("ibci: layer input " + h.describe() + " does not match candidates " + candidates.describe());
        }
        long[] counts = new long[classes];
        for (int y : hostLabels) counts[y]++;
        double[] sums = new double[classes * k], squares = new double[classes * k];
        int chunk = Math.max(1, Math.min(n, CHUNK_VALUES / Math.max(k, 1)));
        try (Tensor z = b.zeros(chunk, k)) {
            for (int r0 = 0; r0 < n; r0 += chunk) {
                int rows = Math.min(chunk, n - r0);
                Tensor zc = rows == chunk ? z : z.firstRows(rows);
                b.gemm(false, true, 1f, h.slice(r0, rows), candidates, 0f, zc);
                if (act != Activation.IDENTITY) b.activation(act, actParam, zc, zc);
                b.classColumnMoments(zc, labels.slice(r0, rows), classes, sums, squares);
            }
        }
        return new CandidateMoments(classes, k, counts, sums, squares);
    }

    public long total() {
        long t = 0;
        for (long c : counts) t += c;
        return t;
    }

    /** Mean of candidate j's output over class c (0 for a class without samples). */
    public double mean(int j, int c) { return counts[c] == 0 ? 0 : sums[c * candidates + j] / counts[c]; }

    /** Population variance of candidate j's output over class c. */
    public double variance(int j, int c) {
        if (counts[c] == 0) return 0;
        double m = sums[c * candidates + j] / counts[c];
        return Math.max(sumSquares[c * candidates + j] / counts[c] - m * m, 0);
    }

    /** Mean of candidate j's output over the whole sample. */
    public double totalMean(int j) {
        double s = 0;
        for (int c = 0; c < classes; c++) s += sums[c * candidates + j];
        return s / total();
    }

    /** Mean square of candidate j's output over the whole sample. */
    public double totalMeanSquare(int j) {
        double q = 0;
        for (int c = 0; c < classes; c++) q += sumSquares[c * candidates + j];
        return q / total();
    }

    /** Population variance of candidate j's output over the whole sample. */
    public double totalVariance(int j) {
        double m = totalMean(j);
        return Math.max(totalMeanSquare(j) - m * m, 0);
    }
}
