package ibinit.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.ref.SparseFilteringMath;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The double-precision objective against the spec's test vector and central finite differences in W. */
class SparseFilteringMathTest {

    /** Objective and dW = delta^T X for W [n, d] and X [m, d], all in double. */
    private static double objective(double[] w, double[] x, int n, int d, int m, double[] dw) {
        double[] f = new double[m * n], delta = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += x[i * d + k] * w[j * d + k];
                f[i * n + j] = s;
            }
        }
        double value = SparseFilteringMath.objectiveAndDelta(f, m, n, delta);
        if (dw != null) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < d; k++) {
                    double s = 0;
                    for (int i = 0; i < m; i++) s += delta[i * n + j] * x[i * d + k];
                    dw[j * d + k] = s;
                }
            }
        }
        return value;
    }

    @Test
    void specTestVector() {
        double[] w = new double[12], x = new double[20];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) w[i * 4 + j] = Math.cos(0.3 * i + 0.5 * j);
        for (int i = 0; i < 4; i++) for (int j = 0; j < 5; j++) x[j * 4 + i] = Math.sin(0.2 * i - 0.9 * j + 0.1);
        double[] dw = new double[12];
        assertEquals(8.33431246, objective(w, x, 3, 4, 5, dw), 1e-8);
        double[] want = {0.13603841, -0.02043057, -0.17608504, -0.32471956};
        for (int j = 0; j < 4; j++) assertEquals(want[j], dw[j], 1e-8);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Random rnd = new Random(11);
        int n = 6, d = 7, m = 25;
        double[] w = new double[n * d], x = new double[m * d], dw = new double[n * d];
        for (int i = 0; i < w.length; i++) w[i] = rnd.nextGaussian();
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        objective(w, x, n, d, m, dw);
        double h = 1e-6, worst = 0;
        for (int i = 0; i < w.length; i++) {
            double keep = w[i];
            w[i] = keep + h;
            double up = objective(w, x, n, d, m, null);
            w[i] = keep - h;
            double down = objective(w, x, n, d, m, null);
            w[i] = keep;
            double fd = (up - down) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - dw[i]) / Math.max(1e-3, Math.abs(dw[i])));
        }
        assertTrue(worst < 1e-6, "largest relative difference to finite differences " + worst);
    }

    @Test
    void objectiveIgnoresTheScaleOfARow() {
        Random rnd = new Random(3);
        int n = 4, d = 5, m = 12;
        double[] w = new double[n * d], x = new double[m * d];
        for (int i = 0; i < w.length; i++) w[i] = rnd.nextGaussian();
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        double before = objective(w, x, n, d, m, null);
        for (int k = 0; k < d; k++) w[2 * d + k] *= 7.5;
        assertEquals(before, objective(w, x, n, d, m, null), 1e-6 * before); // exact but for the 1e-8 in the norms
    }
}
