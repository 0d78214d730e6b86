package ibinit.data;

import java.util.Arrays;

/**
 * Labelled examples as plain arrays: {@code features} is row-major N x {@code featureDim},
 * {@code labels} holds N class indices in {@code [0, classes)}. {@code imageShape} (channels x rows
 * x cols, e.g. 1x28x28) says how a row is laid out as an image, or is null for non-image data.
 *
 * <p>Arrays are shared, not copied (Fashion-MNIST's training features are 188 MB); treat them as
 * read-only. Transformations return new data sets. {@code equals} compares array identity, as for
 * any record with array components.
 */
public record Dataset(String name, float[] features, int[] labels, int featureDim, int classes, int[] imageShape) {
    public Dataset {
        if (featureDim <= 0) throw new IllegalArgumentException(name + ": featureDim must be > 0, got " + featureDim);
        if (classes <= 0) throw new IllegalArgumentException(name + ": classes must be > 0, got " + classes);
        if ((long) labels.length * featureDim != features.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels x " + featureDim
                    + " features need " + (long) labels.length * featureDim + " values, got " + features.length);
        }
        if (imageShape != null && Arrays.stream(imageShape).asLongStream().reduce(1, (a, b) -> a * b) != featureDim) {
            throw new IllegalArgumentException(name + ": image shape " + IdxArray.shapeText(imageShape)
                    + " does not hold " + featureDim + " features");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " at index " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
        requireFinite(name, features, featureDim);
    }

    /** A NaN or infinite feature (a broken file, or values beyond float32, e.g. a synthetic
     * separation of 1e40) would train silently to chance accuracy: refuse it, naming the row. */
    private static void requireFinite(String name, float[] features, int featureDim) {
        for (int i = 0; i < features.length; i++) {
            if (!Float.isFinite(features[i])) {
                throw new DatasetException(name + ": row " + i / featureDim + " (feature " + i % featureDim + ") is "
                        + features[i] + "; features must be finite float32 numbers");
            }
        }
    }

    /** Number of examples. */
    public int size() { return labels.length; }

    /** A copy of row {@code i}'s features. */
    public float[] row(int i) {
        return Arrays.copyOfRange(features, i * featureDim, (i + 1) * featureDim);
    }

    /** How many examples each class has. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int y : labels) counts[y]++;
        return counts;
    }

    /** The examples at {@code indices}, in that order, as a new data set named {@code newName}. */
    public Dataset subset(int[] indices, String newName) {
        float[] f = new float[Math.multiplyExact(indices.length, featureDim)];
        int[] y = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= size()) throw new IndexOutOfBoundsException(name + ": index " + i + " of " + size());
            System.arraycopy(features, i * featureDim, f, k * featureDim, featureDim);
            y[k] = labels[i];
        }
        return new Dataset(newName, f, y, featureDim, classes, imageShape);
    }

    /** Same labels and layout, new features (which must have the same length). */
    public Dataset withFeatures(float[] newFeatures) {
        return new Dataset(name, newFeatures, labels, featureDim, classes, imageShape);
    }

    @Override public String toString() {
        return "Dataset[" + name + ", " + size() + " x " + featureDim + ", " + classes + " classes"
                + (imageShape == null ? "" : ", image " + IdxArray.shapeText(imageShape)) + "]";
    }
}
