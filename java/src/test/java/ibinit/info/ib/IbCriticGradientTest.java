package ibinit.info.ib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibinit.backend.Backend;
import ibinit.backend.ref.ReferenceBackend;
import ibinit.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The gradient IB training sends into a layer: w * d(DV bound)/db, through the critic's b input,
 * each marginal row's part folded back onto the row of b it came from, against central
 * differences of the bound itself.
 */
class IbCriticGradientTest {
    private static final Backend B = new ReferenceBackend();

    @Test
    void gradientWithRespectToBMatchesCentralDifferences() {
        Random rnd = new Random(5);
        int n = 5, da = 3, db = 4;
        float[] av = new float[n * da], bv = new float[n * db];
        for (int i = 0; i < av.length; i++) av[i] = (float) rnd.nextGaussian();
        for (int i = 0; i < bv.length; i++) bv[i] = (float) rnd.nextGaussian();
        int[] partners = {2, 0, 4, 1, 3};
        double w = -0.7;
        try (IbCritic c = new IbCritic(B, da, db, new int[] {6, 5}, 1e-3, 9);
             Tensor a = B.fromArray(av, n, da); Tensor b = B.fromArray(bv, n, db); Tensor dB = B.zeros(n, db)) {
            c.addGradient(a, b, partners, w, dB);
            float[] analytic = B.toFloatArray(dB);
            try (Tensor scratch = B.zeros(n, db)) {
                for (int i = 0; i < bv.length; i++) {
                    double h = 1e-2, keep = bv[i];
                    bv[i] = (float) (keep + h);
                    B.copyFromArray(bv, b);
                    double up = c.addGradient(a, b, partners, w, scratch);
                    bv[i] = (float) (keep - h);
                    B.copyFromArray(bv, b);
                    double down = c.addGradient(a, b, partners, w, scratch);
                    bv[i] = (float) keep;
                    B.copyFromArray(bv, b);
                    double numeric = w * (up - down) / (2 * h);
                    assertEquals(numeric, analytic[i], 1e-3 + 2e-2 * Math.abs(numeric), "d/db[" + i + "]");
                }
            }
        }
    }
}
