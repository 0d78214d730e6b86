package ibinit.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * MNIST (LeCun, Cortes, Burges): 28x28 grayscale digits, 10 classes. With all four standard files
 * in the folder it is the standard 60,000/10,000 split. With only the two t10k (test) files, as on
 * machines where the training files cannot be fetched, the 10,000 test images are split, stratified
 * by class and seeded: {@code testSize} (default 2,000) for testing, the rest (8,000) for training.
 * The split is said in {@link DataSplit#description()}, so results are never mistaken for the
 * standard protocol.
 *
 * <p>Folder: option {@code dataDir}, else environment variable {@code IBINIT_MNIST_DIR}, else
 * {@code ~/.ibinit/data/mnist}.
 */
final class Mnist {
    static final String NAME = "mnist";
    static final String ENV_DIR = "IBINIT_MNIST_DIR";
    static final int DEFAULT_TEST_SIZE = 2000;
    static final long SPLIT_SALT = ibinit.rng.Streams.DATA_MNIST_SPLIT_SALT;
    static final List<String> OPTIONS = List.of(DataOptions.DATA_DIR, DataOptions.SCALE, DataOptions.TEST_SIZE);

    private Mnist() { }

    static DataSplit load(DataOptions options) {
        Path dir = options.path(DataOptions.DATA_DIR).orElseGet(() -> defaultDir(System::getenv, System.getProperty("user.home")));
        boolean unit = IdxDatasets.scaleToUnit(options);
        Optional<Path> trainImages = IdxDatasets.find(dir, MnistFiles.TRAIN_IMAGES);
        Optional<Path> trainLabels = IdxDatasets.find(dir, MnistFiles.TRAIN_LABELS);
        Optional<Path> testImages = IdxDatasets.find(dir, MnistFiles.TEST_IMAGES);
        Optional<Path> testLabels = IdxDatasets.find(dir, MnistFiles.TEST_LABELS);
        if (testImages.isEmpty() || testLabels.isEmpty() || trainImages.isPresent() != trainLabels.isPresent()) {
            throw new DatasetException(NAME + ": " + dir + " does not hold the MNIST IDX files ("
                    + String.join(", ", MnistFiles.ALL) + ", each optionally .gz; the two t10k files alone are enough for a"
                    + " split of the test set). Point at the folder with --data-dir DIR (data option dataDir) or the"
                    + " environment variable " + ENV_DIR + "; the default is ~/.ibinit/data/mnist.");
        }
        String pixels = unit ? "pixels /255 in [0,1]" : "pixels raw 0..255";
        if (trainImages.isPresent()) {
            Dataset train = IdxDatasets.load(trainImages.get(), trainLabels.get(), 10, NAME + "/train", unit);
            Dataset test = IdxDatasets.load(testImages.get(), testLabels.get(), 10, NAME + "/test", unit);
            String ignored = options.get(DataOptions.TEST_SIZE).isPresent() ? " (testSize ignored: the standard test set is used)" : "";
            return new DataSplit(train, test, NAME + " from " + dir + ": standard split " + train.size() + " train / "
                    + test.size() + " test, " + pixels + ignored);
        }
        Dataset all = IdxDatasets.load(testImages.get(), testLabels.get(), 10, NAME + "/t10k", unit);
        int testSize = options.intValue(DataOptions.TEST_SIZE, DEFAULT_TEST_SIZE, 1);
        long seed = options.longValue(DataOptions.SEED, 0);
        String description = NAME + " from " + dir + ": training files absent, so the " + all.size()
                + " t10k test images are split, stratified by class with seed " + seed + ": " + (all.size() - testSize)
                + " train / " + testSize + " test (not the standard 60000/10000 protocol), " + pixels;
        return StratifiedSampling.split(all, testSize, Permutations.derive(seed, SPLIT_SALT),
                NAME + "/t10k-train", NAME + "/t10k-test", description);
    }

    /** {@code $IBINIT_MNIST_DIR} if set and non-blank, else {@code home/.ibinit/data/mnist}. */
    static Path defaultDir(UnaryOperator<String> env, String home) {
        String fromEnv = env.apply(ENV_DIR);
        if (fromEnv != null && !fromEnv.isBlank()) return Path.of(fromEnv);
        return Path.of(home, ".ibinit", "data", "mnist");
    }
}
