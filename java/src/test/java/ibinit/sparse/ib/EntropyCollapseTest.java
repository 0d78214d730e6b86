package ibinit.sparse.ib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.ref.ReferenceBackend;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntropyCollapseTest {

    @Test
    void entropyGradientMatchesCentralDifferences() {
        Random r = new Random(2);
        int n = 40;
        float[] x = new float[n * 2];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        double[] theta = {0.7, -0.4, 0.3, 1.1, 0.1, -0.2}, grad = new double[6];
        EntropyCollapse.entropy(theta, x, n, grad);
        double h = 1e-6;
        for (int i = 0; i < 6; i++) {
            double keep = theta[i];
            theta[i] = keep + h;
            double up = EntropyCollapse.entropy(theta, x, n, null);
            theta[i] = keep - h;
            double down = EntropyCollapse.entropy(theta, x, n, null);
            theta[i] = keep;
            double fd = (up - down) / (2 * h);
            assertEquals(fd, grad[i], 1e-6 * Math.max(1, Math.abs(fd)), "parameter " + i);
        }
    }

    @Test
    void minimizingTheEntropyLowersIt() {
        EntropyCollapse.Outcome o = new EntropyCollapse(new ReferenceBackend(), 200, 30, 0.01f).run(3, new int[] {0, 30});
        assertTrue(o.entropy()[30] < o.entropy()[0], o.entropy()[0] + " -> " + o.entropy()[30]);
        assertEquals(2, o.snapshots().size());
    }

    @Test
    void gaussianDataHaveTheirCovariance() {
        GaussianData g = GaussianData.draw(new ReferenceBackend(), 4, 3, 20000);
        for (int i = 0; i < 3; i++) {
            double m = 0;
            for (int n = 0; n < g.count(); n++) m += g.samples()[n * 3 + i];
            m /= g.count();
            assertEquals(g.mean()[i], m, 0.05);
            assertTrue(g.mean()[i] >= -5 && g.mean()[i] <= 5);
            double v = 0;
            for (int n = 0; n < g.count(); n++) v += Math.pow(g.samples()[n * 3 + i] - m, 2);
            assertEquals(g.covariance()[i][i], v / g.count(), 0.05 * g.covariance()[i][i]);
        }
    }
}
