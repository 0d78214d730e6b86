package ibinit.sparse.ib;

import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;

/**
 * Samples of a d-dimensional Gaussian with a random mean (uniform on [-5, 5]^d) and a random
 * covariance (U diag(1 + u) U^T, U orthonormal from the QR of a Gaussian matrix, u uniform on
 * [0, 1]: symmetric positive definite, eigenvalues in [1, 2], as scikit-learn's make_spd_matrix
 * builds them), the data of the seed slides' experiment. Draws come from Philox sub-streams of
 * the seed, so a seed gives the same data on every backend.
 */
public record GaussianData(double[] mean, double[][] covariance, float[] samples, int count, int dims) {

    public static GaussianData draw(Backend b, long seed, int dims, int count) {
        double[] mean = new double[dims];
        float[] u = uniform(b, RandomStream.of(seed, 1), dims);
        for (int i = 0; i < dims; i++) mean[i] = -5 + 10 * u[i];
        double[][] q = orthonormal(gaussian(b, RandomStream.of(seed, 2), dims * dims), dims);
        float[] lambda = uniform(b, RandomStream.of(seed, 3), dims);
        double[][] cov = new double[dims][dims];
        double[][] root = new double[dims][dims]; // Q diag(sqrt(1 + u)): cov = root root^T
        for (int i = 0; i < dims; i++) {
            for (int j = 0; j < dims; j++) {
                root[i][j] = q[i][j] * Math.sqrt(1 + lambda[j]);
                for (int k = 0; k < dims; k++) cov[i][j] += q[i][k] * (1 + lambda[k]) * q[j][k];
            }
        }
        float[] z = gaussian(b, RandomStream.of(seed, 4), count * dims);
        float[] x = new float[count * dims];
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < dims; i++) {
                double v = mean[i];
                for (int k = 0; k < dims; k++) v += root[i][k] * z[n * dims + k];
                x[n * dims + i] = (float) v;
            }
        }
        return new GaussianData(mean, cov, x, count, dims);
    }

    /** Rows [from, from + n) of the samples. */
    public float[] rows(int from, int n) {
        float[] out = new float[n * dims];
        System.arraycopy(samples, from * dims, out, 0, n * dims);
        return out;
    }

    private static float[] uniform(Backend b, RandomStream rs, int n) {
        try (Tensor t = b.zeros(n)) {
            b.fillUniform(t, rs, 0f, 1f);
            return b.toFloatArray(t);
        }
    }

    private static float[] gaussian(Backend b, RandomStream rs, int n) {
        try (Tensor t = b.zeros(n)) {
            b.fillNormal(t, rs, 0f, 1f);
            return b.toFloatArray(t);
        }
    }

    /** Gram-Schmidt on the columns of a d x d matrix (row-major values): an orthonormal basis. */
    private static double[][] orthonormal(float[] a, int d) {
        double[][] q = new double[d][d];
        for (int j = 0; j < d; j++) {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) v[i] = a[i * d + j];
            for (int k = 0; k < j; k++) {
                double dot = 0;
                for (int i = 0; i < d; i++) dot += q[i][k] * v[i];
                for (int i = 0; i < d; i++) v[i] -= dot * q[i][k];
            }
            double norm = 0;
            for (double e : v) norm += e * e;
            norm = Math.sqrt(norm);
            for (int i = 0; i < d; i++) q[i][j] = v[i] / norm;
        }
        return q;
    }
}
