package ibinit.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ibinit.backend.Twin.Pair;
import ibinit.sparse.SparseFilteringObjective;
import ibinit.tensor.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sparse filtering's element-wise kernel on every native backend against the reference (fresh
 * random features, odd shapes, shapes that use the threads), and the spec's test vector through
 * the whole objective (GEMMs included) on every backend, the reference too, in float32.
 */
class SparseFilteringConformanceTest {
    private static final Backend REF = NativeUnderTest.REF;
    /** examples, features: a single row or column, odd sizes, and one above the CPU's fork threshold (2^21). */
    private static final int[][] SHAPES = {{1, 1}, {1, 7}, {9, 1}, {5, 3}, {65, 33}, {130, 257}, {9000, 256}};

    static Stream<String> backends() { return NativeUnderTest.names(); }

    static Stream<Backend> everyBackend() {
        return Stream.concat(Stream.of(REF), NativeUnderTest.natives().stream());
    }

    /**
     * The scale of the float rounding of each delta entry: the gradient with every term taken by
     * its absolute value (delta itself can be far smaller by cancellation, e.g. with one feature).
     */
    private static double[] magnitude(float[] f, int rows, int cols) {
        double[] fs = new double[f.length], c = new double[cols], r = new double[rows], s = new double[rows], t = new double[cols];
        for (int i = 0; i < f.length; i++) fs[i] = Math.sqrt((double) f[i] * f[i] + 1e-8);
        for (int i = 0; i < f.length; i++) c[i % cols] += fs[i] * fs[i];
        for (int j = 0; j < cols; j++) c[j] = Math.sqrt(c[j] + 1e-8);
        for (int i = 0; i < f.length; i++) {
            double nfs = fs[i] / c[i % cols];
            r[i / cols] += nfs * nfs;
            s[i / cols] += nfs;
        }
        for (int k = 0; k < rows; k++) r[k] = Math.sqrt(r[k] + 1e-8);
        double[] g = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            int k = i / cols;
            g[i] = 1 / r[k] + fs[i] / c[i % cols] * s[k] / (r[k] * r[k] * r[k]);
            t[i % cols] += g[i] * fs[i];
        }
        double[] m = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            int j = i % cols;
            m[i] = g[i] / c[j] + fs[i] * t[j] / (c[j] * c[j] * c[j]);
        }
        return m;
    }

    @ParameterizedTest @MethodSource("backends")
    void gradientMatchesReference(String name) {
        try (Twin t = NativeUnderTest.twin(name, "sparse filtering gradient")) {
            for (int[] s : SHAPES) {
                int rows = s[0], cols = s[1];
                float[] fv = t.normal(rows * cols, 2);
                if (rows * cols > 4) fv[3] = 0f; // f = 0: fs = 1e-4, its share of delta is 0
                Pair f = t.pair(fv, rows, cols);
                Pair delta = t.pair(t.normal(rows * cols, 1), rows, cols); // garbage in delta must not leak in
                double got = t.under.sparseFilteringGradient(f.under(), delta.under());
                double want = t.ref.sparseFilteringGradient(f.ref(), delta.ref());
                String what = "sparse filtering " + rows + " x " + cols;
                assertEquals(want, got, 1e-5 * Math.abs(want) + 1e-6, t.where(what + " objective"));
                double[] mag = magnitude(fv, rows, cols);
                t.assertClose(t.ref.toFloatArray(delta.ref()), t.under.toFloatArray(delta.under()), i -> 1e-5 * mag[i] + 1e-9,
                        what + " delta");
            }
        }
    }

    @ParameterizedTest @MethodSource("everyBackend")
    void specTestVector(Backend b) {
        float[] w = new float[3 * 4], x = new float[5 * 4];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) w[i * 4 + j] = (float) Math.cos(0.3 * i + 0.5 * j);
        // the spec's X is [dims 4 x examples 5]; ours holds an example per row
        for (int i = 0; i < 4; i++) for (int j = 0; j < 5; j++) x[j * 4 + i] = (float) Math.sin(0.2 * i - 0.9 * j + 0.1);
        try (Tensor xt = b.fromArray(x, 5, 4); SparseFilteringObjective obj = new SparseFilteringObjective(b, xt, 3)) {
            float[] g = new float[12];
            double value = obj.evaluate(w, g);
            assertEquals(8.33431246, value, 2e-6, "objective on " + b.name());
            double[] want = {0.13603841, -0.02043057, -0.17608504, -0.32471956};
            for (int j = 0; j < 4; j++) assertEquals(want[j], g[j], 2e-6, "dW[0, " + j + "] on " + b.name());
        }
    }

    @Test
    void rejectsDeltaSharingMemoryWithF() {
        try (Tensor f = REF.zeros(4, 3)) {
            assertThrows(IllegalArgumentException.class, () -> REF.sparseFilteringGradient(f, f));
            try (Tensor other = REF.zeros(3, 4)) {
                assertThrows(IllegalArgumentException.class, () -> REF.sparseFilteringGradient(f, other));
            }
        }
    }

    @ParameterizedTest @MethodSource("everyBackend")
    void sameBitsTwice(Backend b) {
        float[] fv = new float[300 * 40];
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < fv.length; i++) fv[i] = (float) r.nextGaussian();
        try (Tensor f = b.fromArray(fv, 300, 40); Tensor d1 = b.zeros(300, 40); Tensor d2 = b.zeros(300, 40)) {
            double o1 = b.sparseFilteringGradient(f, d1), o2 = b.sparseFilteringGradient(f, d2);
            assertEquals(o1, o2, 0.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(b.toFloatArray(d1), b.toFloatArray(d2));
        }
    }
}
