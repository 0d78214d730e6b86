package ibinit.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of IDX files in MNIST's naming ({@code idx:DIR}): {@code train-images*} and
 * {@code train-labels*}, and optionally {@code t10k-images*} / {@code t10k-labels*} (or
 * {@code test-images*} / {@code test-labels*}) for the test part; gzip or plain. Feature files are
 * unsigned bytes or float32 of rank 2 (count x features), 3 (count x rows x cols) or 4
 * (count x channels x rows x cols); label files are unsigned bytes of rank 1.
 */
final class IdxFolder {
    private IdxFolder() { }

    /** {train, test}; test is null when the folder has no test files. */
    static LabeledArrays[] read(Path dir, boolean scaleToUnit) {
        if (!Files.isDirectory(dir)) throw new DatasetException(dir + ": no such folder (idx:DIR names a folder of IDX files)");
        Path trainImages = find(dir, "train-images", true);
        Path trainLabels = find(dir, "train-labels", true);
        Path testImages = find(dir, "t10k-images", false);
        if (testImages == null) testImages = find(dir, "test-images", false);
        Path testLabels = find(dir, "t10k-labels", false);
        if (testLabels == null) testLabels = find(dir, "test-labels", false);
        if ((testImages == null) != (testLabels == null)) {
            Path only = testImages != null ? testImages : testLabels;
            throw new DatasetException(only + ": a test " + (testImages != null ? "feature" : "label") + " file without its "
                    + (testImages != null ? "label" : "feature") + " file in " + dir);
        }
        LabeledArrays train = IdxDatasets.read(trainImages, trainLabels, scaleToUnit);
        LabeledArrays test = testImages == null ? null : IdxDatasets.read(testImages, testLabels, scaleToUnit);
        return new LabeledArrays[] {train, test};
    }

    private static Path find(Path dir, String prefix, boolean required) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isRegularFile(p)).sorted().forEach(found::add);
        } catch (IOException e) {
            throw new DatasetException(dir + ": cannot list the folder: " + e.getMessage(), e);
        }
        if (found.size() > 1) {
            throw new DatasetException(dir + ": " + found.size() + " files start with " + prefix + " ("
                    + String.join(", ", found.stream().map(p -> p.getFileName().toString()).toList()) + "); keep one");
        }
        if (found.isEmpty() && required) {
            throw new DatasetException(dir + ": no " + prefix + "* file; an IDX folder holds train-images*, train-labels*"
                    + " and optionally t10k-images*, t10k-labels*");
        }
        return found.isEmpty() ? null : found.get(0);
    }
}
