package ibinit.cli;

import ibinit.data.DataOptions;
import ibinit.data.DataSplit;
import ibinit.data.Dataset;
import ibinit.data.Datasets;
import ibinit.data.TwelveBitTask;
import ibinit.train.Shuffle;
import ibinit.train.TrainTestData;
import ibinit.train.TrainingData;
import java.util.Locale;

/**
 * The two experiments of {@code ibinit infoplane} and their defaults: the 12-bit task of
 * Shwartz-Ziv and Tishby (all 4096 patterns measured) and MNIST (the AA-MINE paper's Figure 3:
 * a seeded sample of training images measured).
 */
enum InfoPlaneTask {
    TWELVE_BIT("12bit", "12-10-7-5-4-3-2", "tanh", 10000, 512, 4e-4, "truncated-normal", "binning"),
    MNIST("mnist", "784-512-512-10", "relu", 20, 128, 1e-3, "kaiming-normal", "kde-upper");

    final String cliName, arch, activation, init, estimator;
    final int epochs, batch;
    final double lr;

    InfoPlaneTask(String cliName, String arch, String activation, int epochs, int batch, double lr, String init, String estimator) {
        this.cliName = cliName;
        this.arch = arch;
        this.activation = activation;
        this.epochs = epochs;
        this.batch = batch;
        this.lr = lr;
        this.init = init;
        this.estimator = estimator;
    }

    static InfoPlaneTask parse(String s) {
        String n = s.trim().toLowerCase(Locale.ROOT);
        for (InfoPlaneTask t : values()) if (t.cliName.equals(n)) return t;
        throw new IllegalArgumentException("unknown --task '" + s + "' (choose from 12bit, mnist)");
    }

    /** Noise variance of KDE and of eps in I(X; T + eps): Saxe et al.'s 0.1 for the 12-bit task, the AA-MINE paper's sigma^2 = 2 for MNIST. */
    double noiseVariance() { return this == TWELVE_BIT ? 0.1 : 2.0; }

    /** Whether the output layer is measured as softmax (Shwartz-Ziv and Tishby) or logits (AA-MINE's F_i). */
    boolean softmaxOutput() { return this == TWELVE_BIT; }

    /** Training data, and the rows the plane is measured on. */
    record Loaded(TrainTestData data, float[] measureX, int[] measureY, String description) { }

    Loaded load(long seed, String dataDir, int measureRows) {
        if (this == TWELVE_BIT) {
            TwelveBitTask task = TwelveBitTask.generate(seed);
            Dataset all = task.all();
            return new Loaded(convert(task.split()), all.features(), all.labels(), task.split().description());
        }
        DataOptions o = dataDir == null ? DataOptions.defaults() : DataOptions.of(DataOptions.DATA_DIR, dataDir);
        DataSplit split = Datasets.load("mnist", o);
        Dataset train = split.train();
        Dataset sample = train.subset(Shuffle.initSample(seed ^ 0x504C414E45L, measureRows, train.size()), "mnist/plane"); // "PLANE"
        return new Loaded(convert(split), sample.features(), sample.labels(),
                split.description() + "; plane measured on " + sample.size() + " training images (seeded sample)");
    }

    private static TrainTestData convert(DataSplit s) {
        return new TrainTestData(convert(s.train()), convert(s.test()), s.description());
    }

    private static TrainingData convert(Dataset d) {
        return new TrainingData(d.features(), d.labels(), d.featureDim(), d.classes());
    }
}
