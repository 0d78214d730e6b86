package ibinit.info;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibinit.backend.Backend;
import ibinit.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The KDE bounds: the spec's test vector, and a large set (several GEMM blocks) against a plain double computation. */
class KdeEstimatorTest {
    private static Backend backend;

    @BeforeAll
    static void open() { backend = TestBackends.fastest(); }

    @AfterAll
    static void close() { backend.close(); }

    private static double kde(KdeEstimator.Bound bound, float[] d, float[] t, int n, int dims) {
        try (KdeEstimator e = new KdeEstimator(backend, bound, 0.1);
             Tensor dt = backend.fromArray(d, n, d.length / n); Tensor tt = backend.fromArray(t, n, dims)) {
            return e.estimate(dt, tt).value();
        }
    }

    @Test
    void specTestVector() {
        int n = 8, dims = 3;
        float[] t = new float[n * dims], x = new float[n], y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dims; j++) t[i * dims + j] = (float) Math.sin(0.7 * i + 1.3 * j);
            x[i] = i;
            y[i] = i % 2;
        }
        assertEquals(2.023842, kde(KdeEstimator.Bound.UPPER, x, t, n, dims), 2e-6, "I_up(X;T)");
        assertEquals(1.486914, kde(KdeEstimator.Bound.LOWER, x, t, n, dims), 2e-6, "I_low(X;T)");
        assertEquals(0.637569, kde(KdeEstimator.Bound.UPPER, y, t, n, dims), 2e-6, "I_up(T;Y)");
        assertEquals(0.173462, kde(KdeEstimator.Bound.LOWER, y, t, n, dims), 2e-6, "I_low(T;Y)");
    }

    /** 2500 rows: the exponent matrix is built in two row blocks; compared with the formula in double. */
    @Test
    void largeSetMatchesDirectDoubleComputation() {
        int n = 2500, dims = 2;
        Random rnd = new Random(7);
        float[] t = new float[n * dims], x = new float[n];
        for (int i = 0; i < t.length; i++) t[i] = (float) (0.5 * rnd.nextGaussian());
        for (int i = 0; i < n; i++) x[i] = i;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            double[] e = new double[n];
            for (int j = 0; j < n; j++) {
                double dx = t[2 * i] - t[2 * j], dy = t[2 * i + 1] - t[2 * j + 1];
                e[j] = -(dx * dx + dy * dy) / (2 * 0.1);
                max = Math.max(max, e[j]);
            }
            double s = 0;
            for (double v : e) s += Math.exp(v - max);
            sum += max + Math.log(s / n);
        }
        assertEquals(-sum / n, kde(KdeEstimator.Bound.UPPER, x, t, n, dims), 1e-4);
    }
}
