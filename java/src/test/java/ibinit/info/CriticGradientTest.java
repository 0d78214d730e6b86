package ibinit.info;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibinit.backend.Backend;
import ibinit.backend.ref.ReferenceBackend;
import ibinit.nn.Parameter;
import ibinit.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The critic's backward pass against central differences of sum_r g_r T(x_r), for its parameters and its input. */
class CriticGradientTest {

    @Test
    void backwardMatchesCentralDifferences() {
        Backend b = new ReferenceBackend();
        Random rnd = new Random(11);
        int rows = 6, inputs = 3;
        float[] xv = new float[rows * inputs], g = new float[rows];
        for (int i = 0; i < xv.length; i++) xv[i] = (float) rnd.nextGaussian();
        for (int i = 0; i < rows; i++) g[i] = (float) rnd.nextGaussian();
        try (Critic c = new Critic(b, inputs, new int[] {5, 4}, 0.1f, 3);
             Tensor x = b.fromArray(xv, rows, inputs); Tensor dx = b.zeros(rows, inputs)) {
            c.forward(x);
            b.copyFromArray(g, c.outputGradient());
            c.backward(dx);
            double eps = 1e-2;
            for (Parameter p : c.parameters()) {
                float[] analytic = b.toFloatArray(p.grad());
                float[] w = b.toFloatArray(p.value());
                for (int i = 0; i < w.length; i++) {
                    float orig = w[i];
                    w[i] = (float) (orig + eps);
                    b.copyFromArray(w, p.value());
                    double up = weighted(b, c, x, g);
                    w[i] = (float) (orig - eps);
                    b.copyFromArray(w, p.value());
                    double down = weighted(b, c, x, g);
                    w[i] = orig;
                    b.copyFromArray(w, p.value());
                    double numeric = (up - down) / (2 * eps);
                    assertEquals(numeric, analytic[i], 2e-3 + 2e-2 * Math.abs(numeric), p.name() + "[" + i + "]");
                }
            }
            float[] analytic = b.toFloatArray(dx);
            for (int i = 0; i < xv.length; i++) {
                float orig = xv[i];
                xv[i] = (float) (orig + eps);
                b.copyFromArray(xv, x);
                double up = weighted(b, c, x, g);
                xv[i] = (float) (orig - eps);
                b.copyFromArray(xv, x);
                double down = weighted(b, c, x, g);
                xv[i] = orig;
                b.copyFromArray(xv, x);
                assertEquals((up - down) / (2 * eps), analytic[i], 2e-3 + 2e-2 * Math.abs((up - down) / (2 * eps)), "input[" + i + "]");
            }
        }
    }

    private static double weighted(Backend b, Critic c, Tensor x, float[] g) {
        float[] t = b.toFloatArray(c.forward(x));
        double s = 0;
        for (int i = 0; i < t.length; i++) s += (double) g[i] * t[i];
        return s;
    }
}
