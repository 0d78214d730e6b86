package ibinit.backend.ref;

import ibinit.backend.Backend;

/** The plain-Java oracle of {@link Backend#classColumnMoments}: per-class column sums and sums of squares in double. */
public final class ClassMoments {
    private ClassMoments() { }

    /**
     * Adds into {@code sums[c * cols + j]} and {@code sumSquares[c * cols + j]}.
     *
     * @throws IllegalArgumentException naming the first label outside [0, classes)
     */
    public static void accumulate(float[] z, int rows, int cols, int[] labels, int classes, double[] sums, double[] sumSquares) {
        for (int r = 0; r < rows; r++) {
            int c = labels[r];
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException("class column moments: label " + c + " at row " + r + " is outside 0.." + (classes - 1));
            }
        }
        for (int r = 0; r < rows; r++) {
            int base = labels[r] * cols;
            for (int j = 0; j < cols; j++) {
                double v = z[r * cols + j];
                sums[base + j] += v;
                sumSquares[base + j] += v * v;
            }
        }
    }
}
