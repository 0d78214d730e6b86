package ibinit.info;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibinit.backend.Backend;
import ibinit.backend.ref.ReferenceBackend;
import ibinit.nn.Parameter;
import ibinit.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The critic against central differences of L = sum_r g_r T(a[r mod n], b[r]) over two blocks of
 * three pairs: every parameter, and the gradient with respect to a (summed over the blocks).
 */
class CriticGradientTest {
    private static final Backend B = new ReferenceBackend();

    @ParameterizedTest(name = "hidden layers {0}")
    @ValueSource(ints = {0, 1, 2})
    void backwardMatchesCentralDifferences(int depth) {
        Random rnd = new Random(11 + depth);
        int n = 3, blocks = 2, da = 2, db = 3;
        float[] av = normal(rnd, n * da), bv = normal(rnd, blocks * n * db), g = normal(rnd, blocks * n);
        int[] hidden = java.util.Arrays.copyOf(new int[] {5, 4}, depth);
        try (Critic c = new Critic(B, da, db, hidden, 0.1f, 3);
             Tensor a = B.fromArray(av, n, da); Tensor b = B.fromArray(bv, blocks * n, db); Tensor ga = B.zeros(n, da)) {
            c.forward(a, b);
            B.copyFromArray(g, c.outputGradient());
            c.backward(ga);
            for (Parameter p : c.parameters()) {
                float[] analytic = B.toFloatArray(p.grad());
                float[] w = B.toFloatArray(p.value());
                for (int i = 0; i < w.length; i++) {
                    final int k = i;
                    double numeric = centralDifference(w, k, v -> B.copyFromArray(v, p.value()), () -> weighted(c, a, b, g));
                    assertEquals(numeric, analytic[k], 2e-3 + 2e-2 * Math.abs(numeric), p.name() + "[" + k + "]");
                }
            }
            float[] analytic = B.toFloatArray(ga);
            for (int i = 0; i < av.length; i++) {
                double numeric = centralDifference(av, i, v -> B.copyFromArray(v, a), () -> weighted(c, a, b, g));
                assertEquals(numeric, analytic[i], 2e-3 + 2e-2 * Math.abs(numeric), "d/da[" + i + "]");
            }
        }
    }

    @Test
    void bRowsMustBeWholeBlocksOfA() {
        try (Critic c = new Critic(B, 2, 3, new int[] {4}, 0.1f, 1); Tensor a = B.zeros(3, 2); Tensor b = B.zeros(4, 3)) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> c.forward(a, b));
        }
    }

    private static float[] normal(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) rnd.nextGaussian();
        return v;
    }

    private static double centralDifference(float[] v, int i, java.util.function.Consumer<float[]> set, java.util.function.DoubleSupplier f) {
        double eps = 1e-3; // small enough to stay clear of the leaky-ReLU kinks, large against float rounding
        float orig = v[i];
        v[i] = (float) (orig + eps);
        set.accept(v);
        double up = f.getAsDouble();
        v[i] = (float) (orig - eps);
        set.accept(v);
        double down = f.getAsDouble();
        v[i] = orig;
        set.accept(v);
        return (up - down) / (2 * eps);
    }

    private static double weighted(Critic c, Tensor a, Tensor b, float[] g) {
        float[] t = B.toFloatArray(c.forward(a, b));
        double s = 0;
        for (int i = 0; i < t.length; i++) s += (double) g[i] * t[i];
        return s;
    }
}
