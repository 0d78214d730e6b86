package ibinit.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A user's own data set, named {@code FORMAT:PATH}: {@code idx:DIR} (a folder of IDX files),
 * {@code npy:PATH} (an {@code .npz} file or a folder of {@code .npy} files) and {@code csv:FILE}.
 * Every format gives a training part and, where the files have one, a test part; without a test
 * part a stratified {@code testSize} examples (default a fifth) are held out, seeded by
 * {@code seed}. Labels must be integer class indices 0..K-1; K is the largest label plus one, or
 * the {@code classes} option. Unsigned-byte features (images) are divided by 255 unless
 * {@code scale=none}; float features are used as stored.
 */
final class UserData {
    static final List<String> FORMATS = List.of("idx", "npy", "csv");
    /** Labels are class indices; a larger one is a mistake, not a data set with a million classes. */
    static final int MAX_LABEL = 65535;
    static final long TEST_SPLIT_SALT = ibinit.rng.Streams.DATA_USER_TEST_SPLIT_SALT;

    private UserData() { }

    /** True for names of the form {@code FORMAT:PATH} with a known format. */
    static boolean isUserDataName(String name) {
        int colon = name.indexOf(':');
        return colon > 0 && FORMATS.contains(name.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    static String format(String name) { return name.substring(0, name.indexOf(':')).toLowerCase(Locale.ROOT); }

    /** The options format {@code format} accepts besides the common ones. */
    static List<String> options(String format) {
        return switch (format) {
            case "idx" -> List.of(DataOptions.SCALE, DataOptions.CLASSES, DataOptions.TEST_SIZE);
            case "npy" -> List.of(DataOptions.SCALE, DataOptions.CLASSES, DataOptions.TEST_SIZE);
            case "csv" -> List.of(DataOptions.LABEL, DataOptions.TEST, DataOptions.CLASSES, DataOptions.TEST_SIZE);
            default -> throw new IllegalArgumentException(format);
        };
    }

    static DataSplit load(String name, DataOptions options) {
        String format = format(name);
        String pathText = name.substring(name.indexOf(':') + 1);
        if (pathText.isBlank()) throw new DatasetException("data set " + name + ": no path after '" + format + ":'");
        Path path = Path.of(pathText);
        boolean unit = IdxDatasets.scaleToUnit(options);
        LabeledArrays[] parts = switch (format) {
            case "idx" -> IdxFolder.read(path, unit);
            case "npy" -> NpyDatasets.read(path, unit);
            case "csv" -> CsvDatasets.read(path, options);
            default -> throw new IllegalArgumentException(format);
        };
        return split(name, parts[0], parts[1], options);
    }

    /** Checks labels, fixes the class count and makes (or holds out) the test set. */
    static DataSplit split(String name, LabeledArrays train, LabeledArrays test, DataOptions options) {
        if (train.size() == 0) throw new DatasetException(train.labelSource() + ": no examples");
        if (test != null && test.featureDim() != train.featureDim()) {
            throw new DatasetException(test.labelSource() + ": test rows have " + test.featureDim()
                    + " features, training rows " + train.featureDim());
        }
        int largest = largestLabel(train);
        if (test != null) largest = Math.max(largest, largestLabel(test));
        int classes = largest + 1;
        if (options.get(DataOptions.CLASSES).isPresent()) {
            classes = options.intValue(DataOptions.CLASSES, classes, 2);
            if (largest >= classes) {
                throw new DatasetException(name + ": a label is " + largest + " but data option classes=" + classes
                        + " allows 0.." + (classes - 1));
            }
        }
        if (classes < 2) throw new DatasetException(name + ": every label is 0; a classification needs at least 2 classes");
        Dataset trainSet = new Dataset(name + "/train", train.features(), train.labels(), train.featureDim(), classes, train.imageShape());
        String what = name + ": " + classes + " classes, " + train.featureDim() + " features";
        if (test != null) {
            if (options.get(DataOptions.TEST_SIZE).isPresent()) {
                throw new DatasetException(name + ": the files hold a test set; data option testSize is for data without one");
            }
            Dataset testSet = new Dataset(name + "/test", test.features(), test.labels(), test.featureDim(), classes, train.imageShape());
            return new DataSplit(trainSet, testSet, what + ", " + trainSet.size() + " train / " + testSet.size() + " test from the files");
        }
        int testSize = options.intValue(DataOptions.TEST_SIZE, Math.max(1, trainSet.size() / 5), 1);
        long seed = options.longValue(DataOptions.SEED, 0);
        DataSplit s = StratifiedSampling.split(trainSet, testSize, Permutations.derive(seed, TEST_SPLIT_SALT),
                name + "/train", name + "/test", what);
        return s.withNote(testSize + " of " + trainSet.size() + " examples held out as the test set, stratified by class, seed " + seed);
    }

    private static int largestLabel(LabeledArrays part) {
        int largest = 0;
        int[] y = part.labels();
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) throw new DatasetException(part.labelSource() + ": label " + y[i] + " at index " + i + " is negative; labels are class indices 0..K-1");
            if (y[i] > MAX_LABEL) {
                throw new DatasetException(part.labelSource() + ": label " + y[i] + " at index " + i + " is above " + MAX_LABEL
                        + "; labels are class indices 0..K-1");
            }
            largest = Math.max(largest, y[i]);
        }
        return largest;
    }
}
