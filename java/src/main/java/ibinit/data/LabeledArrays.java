package ibinit.data;

/**
 * Features and integer labels as read from a user's files, before the class count is known:
 * {@code features} is row-major {@code labels.length} x {@code featureDim}; {@code labels} are the
 * values as stored (checked to be class indices by {@link UserData}); {@code imageShape} is
 * channels x rows x cols or null. {@code labelSource} names the file (or file:column) labels came
 * from, for messages.
 */
record LabeledArrays(float[] features, int[] labels, int featureDim, int[] imageShape, String labelSource) {
    LabeledArrays {
        if ((long) labels.length * featureDim != features.length) {
            throw new IllegalStateException(labelSource + ": " + labels.length + " rows of " + featureDim
                    + " features need " + (long) labels.length * featureDim + " values, got " + features.length);
        }
    }

    int size() { return labels.length; }

    /** The image shape of an item of IDX or npy dimensions {@code dims} (first = count): 1xHxW for rank 3, CxHxW for rank 4. */
    static int[] imageShape(int[] dims) {
        return switch (dims.length) {
            case 3 -> new int[] {1, dims[1], dims[2]};
            case 4 -> new int[] {dims[1], dims[2], dims[3]};
            default -> null;
        };
    }
}
