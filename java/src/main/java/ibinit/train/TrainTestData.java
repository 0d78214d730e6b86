package ibinit.train;

/** A training set and a test set of the same shape, with a one-line note of where they came from. */
public record TrainTestData(TrainingData train, TrainingData test, String description) {
    public TrainTestData {
        if (train.dims() != test.dims() || train.classes() != test.classes()) {
            throw new IllegalArgumentException("train (" + train.dims() + " dims, " + train.classes()
                    + " classes) and test (" + test.dims() + " dims, " + test.classes() + " classes) differ");
        }
        if (train.rows() == 0 || test.rows() == 0) throw new IllegalArgumentException("train and test sets must not be empty");
    }
}
