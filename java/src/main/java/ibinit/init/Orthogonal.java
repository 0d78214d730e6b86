package ibinit.init;

import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.nn.Parameter;

/**
 * PyTorch's {@code orthogonal_}: the weight viewed as rows x (fan_in) gets orthonormal rows (or
 * columns, whichever are fewer), from the QR factorization of a standard normal matrix with the
 * signs fixed by diag(R) so the result is uniformly (Haar) distributed, times {@code gain}.
 * The QR runs on the host in double (modified Gram-Schmidt, applied twice for orthogonality to
 * rounding level): weights are drawn once, so simplicity beats speed here.
 */
public final class Orthogonal implements WeightFill {
    private final double gain;

    public Orthogonal(double gain) { this.gain = gain; }

    @Override
    public void fill(Parameter weight, RandomStream random) {
        Backend b = weight.value().backend();
        int rows = weight.value().dim(0);
        int cols = Math.toIntExact(weight.value().size() / rows);
        b.fillNormal(weight.value(), random, 0f, 1f);
        float[] a = b.toFloatArray(weight.value());
        b.copyFromArray(orthonormalize(a, rows, cols, gain), weight.value());
    }

    /** Rows x cols row-major in, orthonormal rows (rows <= cols) or columns (rows > cols) out, scaled. */
    static float[] orthonormalize(float[] a, int rows, int cols, double gain) {
        boolean tall = rows > cols;
        // Work on vectors of length `len`, `count` of them: the columns when tall, else the rows.
        int count = tall ? cols : rows;
        int len = tall ? rows : cols;
        double[][] v = new double[count][len];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (tall) v[c][r] = a[r * cols + c];
                else v[r][c] = a[r * cols + c];
            }
        }
        for (int i = 0; i < count; i++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < i; j++) {
                    double d = dot(v[i], v[j]);
                    for (int t = 0; t < len; t++) v[i][t] -= d * v[j][t];
                }
            }
            double norm = Math.sqrt(dot(v[i], v[i]));
            if (norm == 0) throw new IllegalStateException("orthogonal initialization met a degenerate random matrix");
            // Gram-Schmidt already gives diag(R) > 0, the sign convention PyTorch enforces.
            for (int t = 0; t < len; t++) v[i][t] /= norm;
        }
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = (float) (gain * (tall ? v[c][r] : v[r][c]));
            }
        }
        return out;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }
}
