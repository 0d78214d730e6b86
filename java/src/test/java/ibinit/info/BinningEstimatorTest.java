package ibinit.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Backend;
import ibinit.backend.ref.ReferenceBackend;
import ibinit.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Binning: np.digitize's left-edge bins with clipping, and the classic identities. */
class BinningEstimatorTest {
    private static final Backend REF = new ReferenceBackend();

    @AfterAll
    static void close() { REF.close(); }

    private static double estimate(BinningEstimator e, float[] d, int dCols, float[] t, int tCols) {
        int n = t.length / tCols;
        try (Tensor dt = REF.fromArray(d, n, dCols); Tensor tt = REF.fromArray(t, n, tCols)) {
            return e.estimate(dt, tt).value();
        }
    }

    private static float[] rowIndex(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = i;
        return x;
    }

    @Test
    void binsAreNumpyDigitizeLeftEdgesAndClipInsteadOfWrapping() {
        double[] e = BinningEstimator.defaults().edges(new float[0]);
        assertEquals(30, e.length);
        assertEquals(-1.0, e[0], 0);
        assertEquals(1.0, e[29], 0);
        assertEquals(0, BinningEstimator.bin(e, -1f));
        assertEquals(0, BinningEstimator.bin(e, -0.95f));
        assertEquals(1, BinningEstimator.bin(e, (float) e[1] + 1e-6f));
        // 30 edges: none at 0; the bin [-1/29, 1/29) straddles it
        assertEquals(14, BinningEstimator.bin(e, -0.01f));
        assertEquals(14, BinningEstimator.bin(e, 0.01f));
        assertEquals(13, BinningEstimator.bin(e, -0.05f));
        assertEquals(15, BinningEstimator.bin(e, 0.05f));
        assertEquals(28, BinningEstimator.bin(e, 0.999f));
        assertEquals(29, BinningEstimator.bin(e, 1f)); // tanh saturated at 1 has the last edge to itself
        assertEquals(29, BinningEstimator.bin(e, 7f));
        assertEquals(0, BinningEstimator.bin(e, -7f)); // their code: index -1, i.e. the last bin
    }

    @Test
    void outOfRangeValuesAreClippedToTheEndBins() {
        // Two values below the range and two above: clipped they are two symbols (H = ln 2);
        // wrapped, as in the original code, they would all land in the last bin (H = 0).
        float[] t = {-3f, -7f, 2f, 5f};
        assertEquals(Math.log(2), estimate(BinningEstimator.defaults(), rowIndex(4), 1, t, 1), 1e-12);
    }

    @Test
    void distinctInputsGiveIEqualToTheEntropyOfT() {
        Random rnd = new Random(5);
        int n = 400, cols = 3;
        float[] t = new float[n * cols];
        for (int i = 0; i < t.length; i++) t[i] = (float) Math.tanh(rnd.nextGaussian());
        BinningEstimator b = BinningEstimator.defaults();
        double h = b.entropy(t, n, cols);
        assertTrue(h > 4 && h <= Math.log(n), "H(T) = " + h);
        assertEquals(h, estimate(b, rowIndex(n), 1, t, cols), 1e-12);
        // Repeated inputs with the same T carry no more information: I(X;T) still H(T) when T is a function of X.
        float[] x2 = new float[n];
        float[] t2 = new float[n * cols];
        for (int i = 0; i < n; i++) {
            x2[i] = i / 2;
            System.arraycopy(t, (i / 2) * cols, t2, i * cols, cols);
        }
        assertEquals(b.entropy(t2, n, cols), estimate(b, x2, 1, t2, cols), 1e-12);
    }

    @Test
    void labelsThatTDeterminesGiveTheLabelEntropy() {
        int n = 300, classes = 3;
        float[] y = new float[n], t = new float[n * 2];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            t[2 * i] = -0.8f + 0.7f * (i % classes);
            t[2 * i + 1] = 0.5f;
        }
        assertEquals(Math.log(3), estimate(BinningEstimator.defaults(), y, 1, t, 2), 1e-12);
        // and labels independent of a constant T give 0
        float[] constant = new float[n * 2];
        assertEquals(0, estimate(BinningEstimator.defaults(), y, 1, constant, 2), 1e-12);
    }

    @Test
    void fittedRangeResolvesUnboundedActivations() {
        int n = 100;
        float[] relu = new float[n];
        for (int i = 0; i < n; i++) relu[i] = 0.1f * i; // 0 .. 9.9
        double fixed = BinningEstimator.defaults().entropy(relu, n, 1);
        double fitted = BinningEstimator.fittedEdges(30).entropy(relu, n, 1);
        // fixed [-1, 1]: ten values below 1 in their own bins, ninety clipped into the last one
        assertEquals(-10 * 0.01 * Math.log(0.01) - 0.9 * Math.log(0.9), fixed, 1e-12);
        assertTrue(fitted > 3.2, "fitted-range entropy " + fitted);
        assertEquals(5, BinningEstimator.withWidth(0.5, -1, 1).edges(new float[0]).length);
        assertEquals(10, BinningEstimator.fittedWidth(1.0).edges(relu).length); // 0, 1, ..., 9; 9.x in the last bin
    }
}
