package ibinit.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fashion-MNIST (Xiao, Rasul, Vollgraf 2017): 60,000 training and 10,000 test 28x28 grayscale
 * images of 10 clothing classes, read from the four standard IDX files. The default folder is
 * where Debian's {@code dataset-fashion-mnist} package installs them.
 */
final class FashionMnist {
    static final String NAME = "fashion-mnist";
    static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    static final List<String> OPTIONS = List.of(DataOptions.DATA_DIR, DataOptions.SCALE);

    private FashionMnist() { }

    static DataSplit load(DataOptions options) {
        Path dir = options.path(DataOptions.DATA_DIR).orElse(DEFAULT_DIR);
        boolean unit = IdxDatasets.scaleToUnit(options);
        List<String> missing = new ArrayList<>();
        Path[] files = new Path[MnistFiles.ALL.size()];
        for (int i = 0; i < files.length; i++) {
            String base = MnistFiles.ALL.get(i);
            files[i] = IdxDatasets.find(dir, base).orElse(null);
            if (files[i] == null) missing.add(base + "[.gz]");
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(NAME + ": missing " + String.join(", ", missing) + " in " + dir
                    + ". Install the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist; files land in "
                    + DEFAULT_DIR + ") or point at a folder holding the four IDX files with --data-dir DIR (data option dataDir).");
        }
        Dataset train = IdxDatasets.load(files[0], files[1], 10, NAME + "/train", unit);
        Dataset test = IdxDatasets.load(files[2], files[3], 10, NAME + "/test", unit);
        return new DataSplit(train, test, NAME + " from " + dir + ": standard split " + train.size() + " train / "
                + test.size() + " test, pixels " + (unit ? "/255 in [0,1]" : "raw 0..255"));
    }
}
