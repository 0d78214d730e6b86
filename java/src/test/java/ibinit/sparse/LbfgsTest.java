package ibinit.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** sum_i 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2, minimum 0 at (1, ..., 1). */
    private static double rosenbrock(double[] x, double[] g) {
        double f = 0;
        java.util.Arrays.fill(g, 0);
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i], b = 1 - x[i];
            f += 100 * a * a + b * b;
            g[i] += -400 * a * x[i] - 2 * b;
            g[i + 1] += 200 * a;
        }
        return f;
    }

    @Test
    void rosenbrockTwoDimensionsFromTheClassicStart() {
        Lbfgs.Result r = new Lbfgs(20, 200).minimize(LbfgsTest::rosenbrock, new double[] {-1.2, 1}, null);
        assertEquals(1, r.x()[0], 1e-4);
        assertEquals(1, r.x()[1], 1e-4);
        assertTrue(r.iterations() < 100, "iterations " + r.iterations());
    }

    @Test
    void rosenbrockTwentyDimensions() {
        double[] x0 = new double[20];
        for (int i = 0; i < x0.length; i++) x0[i] = i % 2 == 0 ? -1.2 : 1;
        Lbfgs.Result r = new Lbfgs(20, 500).minimize(LbfgsTest::rosenbrock, x0, null);
        for (double v : r.x()) assertEquals(1, v, 1e-3);
        assertTrue(r.value() < 1e-8, "value " + r.value());
    }

    @Test
    void illConditionedQuadraticReachesItsMinimizerAndEveryStepIsWolfe() {
        int n = 30;
        Random rnd = new Random(5);
        double[] diag = new double[n], b = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = Math.pow(1000, i / (n - 1.0)); // condition number 1000
            b[i] = rnd.nextGaussian();
        }
        List<double[]> trace = new ArrayList<>(); // value, g'd before, g'd after, t
        Lbfgs.Objective q = (x, g) -> {
            double f = 0;
            for (int i = 0; i < n; i++) {
                g[i] = diag[i] * x[i] - b[i];
                f += 0.5 * diag[i] * x[i] * x[i] - b[i] * x[i];
            }
            return f;
        };
        double[] prevX = new double[n];
        double[] prevF = {q.valueAndGradient(prevX, new double[n])};
        double[] prevG = new double[n];
        q.valueAndGradient(prevX, prevG);
        Lbfgs.Result r = new Lbfgs(20, 400, 1e-5, 0).minimize(q, new double[n], it -> {
            // strong Wolfe along the accepted step s = t d: sufficient decrease and curvature, both in terms of s
            double gs0 = Lbfgs.dot(prevG, it.step()), gs1 = Lbfgs.dot(it.gradient(), it.step());
            assertTrue(it.value() <= prevF[0] + Lbfgs.C1 * gs0 + 1e-12, "sufficient decrease at iteration " + it.number());
            assertTrue(Math.abs(gs1) <= -Lbfgs.C2 * gs0 + 1e-12, "curvature at iteration " + it.number());
            prevF[0] = it.value();
            System.arraycopy(it.gradient(), 0, prevG, 0, n);
            return true;
        });
        assertEquals(Lbfgs.Stop.GRADIENT_SMALL, r.stop(), "after " + r.iterations() + " iterations");
        for (int i = 0; i < n; i++) assertEquals(b[i] / diag[i], r.x()[i], 1e-5); // |x - x*| <= |g| / min(diag) = 1e-5
    }

    @Test
    void stopsAtTheIterationLimit() {
        Lbfgs.Result r = new Lbfgs(5, 3).minimize(LbfgsTest::rosenbrock, new double[] {-1.2, 1}, null);
        assertEquals(3, r.iterations());
        assertEquals(Lbfgs.Stop.MAX_ITERATIONS, r.stop());
    }

    @Test
    void cubicMinimizerOfAParabola() {
        // f = (t - 2)^2 through t = 0 and t = 3: the minimizer is 2
        assertEquals(2, Lbfgs.cubicMin(0, 4, -4, 3, 1, 2), 1e-12);
    }
}
