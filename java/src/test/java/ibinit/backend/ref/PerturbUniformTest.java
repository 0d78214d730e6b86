package ibinit.backend.ref;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The reference perturbation: w plus a uniform box draw, and a pure function of the stream position. */
class PerturbUniformTest {
    private final ReferenceBackend b = new ReferenceBackend();

    @Test
    void outIsWPlusAUniformDrawInsideTheBox() {
        int n = 100_001;
        float[] w = new float[n];
        for (int i = 0; i < n; i++) w[i] = (i % 7) - 3f;
        float r = 0.25f;
        try (Tensor wt = b.fromArray(w, n); Tensor out = b.zeros(n)) {
            b.perturbUniform(wt, out, new RandomStream(9, 3, 5), r);
            float[] o = b.toFloatArray(out);
            double sum = 0, sq = 0;
            for (int i = 0; i < n; i++) {
                double d = o[i] - w[i];
                assertTrue(d >= -r - 1e-6 && d < r + 1e-6, "element " + i + " moved by " + d);
                sum += d;
                sq += d * d;
            }
            assertEquals(0, sum / n, 5 * r / Math.sqrt(3 * n), "mean of the draws");
            assertEquals(r * r / 3, sq / n, 5 * r * r * Math.sqrt(4.0 / 45 / n), "variance of U[-r, r) is r^2/3");
            assertArrayEquals(w, b.toFloatArray(wt), "w is left alone");
        }
    }

    @Test
    void anySliceOfTheStreamGivesTheSameElementsAndRadiusZeroGivesW() {
        int n = 37;
        float[] w = new float[n];
        try (Tensor wt = b.fromArray(w, n); Tensor all = b.zeros(n); Tensor head = b.zeros(10); Tensor tail = b.zeros(n - 10);
             Tensor wHead = b.zeros(10); Tensor wTail = b.zeros(n - 10)) {
            RandomStream rs = new RandomStream(4, 1, (1L << 32) - 6); // unaligned, crossing 2^32
            b.perturbUniform(wt, all, rs, 1f);
            b.perturbUniform(wHead, head, rs, 1f);
            b.perturbUniform(wTail, tail, rs.skip(10), 1f);
            float[] a = b.toFloatArray(all), h = b.toFloatArray(head), t = b.toFloatArray(tail);
            for (int i = 0; i < n; i++) assertEquals(a[i], i < 10 ? h[i] : t[i - 10], 0f, "element " + i);
            b.perturbUniform(wt, all, rs, 0f);
            assertArrayEquals(w, b.toFloatArray(all));
        }
    }
}
