package ibinit.backend.ref;

/**
 * Sparse filtering's element-wise objective and gradient in double, written as the reference
 * code (Ngiam et al.) reads, for features f [rows = examples, cols = features] = X W^T:
 * <pre>
 *   fs   = sqrt(f^2 + 1e-8)
 *   nfs  = fs / c,     c[j] = sqrt(sum_i fs[i,j]^2 + 1e-8)   (a feature across examples)
 *   fhat = nfs / r,    r[i] = sqrt(sum_j nfs[i,j]^2 + 1e-8)  (an example across features)
 *   objective = sum fhat
 * </pre>
 * The gradient chains back through both normalizations with the reference code's l2grad
 * (d/dx of x / ||x|| applied to D: D / n - y (sum D x) / n^2), then through fs. The reference
 * backend's oracle, and the double-precision objective of the finite-difference tests.
 */
public final class SparseFilteringMath {
    static final double EPS = 1e-8;

    private SparseFilteringMath() { }

    /** Writes d(objective)/d(f) into {@code delta} (same length as f) and returns the objective. */
    public static double objectiveAndDelta(double[] f, int rows, int cols, double[] delta) {
        int n = rows * cols;
        double[] fs = new double[n];
        for (int i = 0; i < n; i++) fs[i] = Math.sqrt(f[i] * f[i] + EPS);
        double[] c = new double[cols];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) c[j] += fs[i * cols + j] * fs[i * cols + j];
        for (int j = 0; j < cols; j++) c[j] = Math.sqrt(c[j] + EPS);
        double[] nfs = new double[n];
        for (int i = 0; i < n; i++) nfs[i] = fs[i] / c[i % cols];
        double objective = 0;
        double[] g = new double[n]; // d obj / d nfs: l2grad over each row with D = 1
        for (int i = 0; i < rows; i++) {
            double q = 0, s = 0;
            for (int j = 0; j < cols; j++) {
                q += nfs[i * cols + j] * nfs[i * cols + j];
                s += nfs[i * cols + j];
            }
            double r = Math.sqrt(q + EPS);
            objective += s / r;
            // D / r - fhat (sum_j D nfs) / r^2 with D = 1 and fhat = nfs / r
            for (int j = 0; j < cols; j++) g[i * cols + j] = 1 / r - nfs[i * cols + j] / r * s / (r * r);
        }
        double[] t = new double[cols]; // l2grad over each column: sum_i g fs
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j] += g[i * cols + j] * fs[i * cols + j];
        for (int i = 0; i < n; i++) {
            int j = i % cols;
            double dfs = g[i] / c[j] - nfs[i] * t[j] / (c[j] * c[j]);
            delta[i] = dfs * f[i] / fs[i];
        }
        return objective;
    }

    /** The normalized features fhat [rows, cols] for features f (the forward pass alone). */
    public static double[] normalizedFeatures(double[] f, int rows, int cols) {
        int n = rows * cols;
        double[] out = new double[n];
        double[] c = new double[cols];
        for (int i = 0; i < n; i++) {
            out[i] = Math.sqrt(f[i] * f[i] + EPS);
            c[i % cols] += out[i] * out[i];
        }
        for (int i = 0; i < n; i++) out[i] /= Math.sqrt(c[i % cols] + EPS);
        for (int r = 0; r < rows; r++) {
            double q = 0;
            for (int j = 0; j < cols; j++) q += out[r * cols + j] * out[r * cols + j];
            double norm = Math.sqrt(q + EPS);
            for (int j = 0; j < cols; j++) out[r * cols + j] /= norm;
        }
        return out;
    }
}
