package ibinit.data;

/**
 * A training set and a test set with the same features and classes, plus a one-line
 * {@code description} of where they came from and what was done to them (for logs and reports).
 */
public record DataSplit(Dataset train, Dataset test, String description) {
    public DataSplit {
        if (train.featureDim() != test.featureDim() || train.classes() != test.classes()) {
            throw new IllegalArgumentException("train " + train + " and test " + test + " do not match");
        }
    }

    /** The same split with {@code note} appended to its description. */
    public DataSplit withNote(String note) { return new DataSplit(train, test, description + "; " + note); }
}
