package ibinit.train;

/**
 * Labelled examples as the training loop reads them: {@code features} row-major
 * {@code rows() x dims}, {@code labels} in {@code [0, classes)}. The arrays are shared, not
 * copied (a full image set is hundreds of MB); the loop only reads them.
 */
public record TrainingData(float[] features, int[] labels, int dims, int classes) {
    public TrainingData {
        if (dims < 1) throw new IllegalArgumentException("dims must be >= 1, got " + dims);
        if (classes < 2) throw new IllegalArgumentException("a classifier needs >= 2 classes, got " + classes);
        if ((long) labels.length * dims != features.length) {
            throw new IllegalArgumentException(labels.length + " labels x " + dims + " dims need "
                    + (long) labels.length * dims + " feature values, got " + features.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " is outside 0.." + (classes - 1));
            }
        }
    }

    public int rows() { return labels.length; }
}
