package ibinit.cli;

import ibinit.experiment.DataSpec;
import ibinit.experiment.ExperimentSpec;
import ibinit.experiment.InitSpec;
import ibinit.experiment.NetworkSpec;
import ibinit.experiment.OutputFolder;
import ibinit.data.DataOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every command that builds a network shares (train, compare, init, infoplane,
 * ib-train): data, activation, biases, the initialization sample, backend and output folder. They
 * mean the same in every command; {@link #experiment} turns them into the experiment layer's
 * typed description. Where a command's default differs (its data set, its architecture), the
 * command passes it in.
 */
final class ExperimentOptions {
    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Data set: fashion-mnist, mnist, synthetic (a seeded Gaussian mixture; shape via --data-option) or 12bit "
                    + "(the information-plane task). Default: fashion-mnist (ib-train: mnist; infoplane: that of --task).")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding the data set's IDX files (default: the data set's usual place, e.g. /usr/share/datasets/fashion-mnist).")
    String dataDir;

    @Option(names = "--train-fraction", paramLabel = "F",
            description = "Keep a stratified, seeded fraction F in (0, 1] of the training set; the test set is untouched. Default: 1.")
    Double trainFraction;

    @Option(names = "--data-option", paramLabel = "KEY=VALUE",
            description = "Any other data option, repeatable: seed (of the data's own draws, default 0), standardize (none|global|per-feature), "
                    + "scale (unit|none), testSize (mnist, synthetic), and for synthetic: classes, dims, trainSize, separation.")
    List<String> dataOptions = new ArrayList<>();

    @Option(names = "--act", paramLabel = "NAME",
            description = "Activation after every hidden layer: relu, leaky-relu, tanh, sigmoid or identity. Default: relu (infoplane 12bit: tanh).")
    String activation;

    @Option(names = "--leaky-slope", paramLabel = "A", description = "Negative slope of leaky-relu. Default: 0.01.")
    double leakySlope = 0.01;

    @Option(names = "--bias-init", paramLabel = "KIND",
            description = "How biases start under data-free methods: zeros, pytorch (U(+-1/sqrt(fan_in))) or const:V. Default: zeros.")
    String biasInit = "zeros";

    @Option(names = "--init-sample", paramLabel = "N",
            description = "Training rows data-driven methods (lsuv, ibci) see: the first N of a permutation drawn from --seed. "
                    + "Default: the batch size (--batch; 128 in init).")
    Integer initSample;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Numeric backend: auto (the one IBINIT_BACKEND names, else the best available: cuda, cpu, java), java, cpu or cuda. "
                    + "Default: auto.")
    String backend = "auto";

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder. Default: runs/COMMAND-<timestamp>.")
    Path out;

    /** The data set's name, or {@code fallback} when --dataset is not given. */
    String datasetOr(String fallback) { return dataset != null ? dataset : fallback; }

    /** The data: --dataset (or {@code defaultDataset}), --data-dir, --train-fraction and --data-option. */
    DataSpec data(String defaultDataset) {
        DataOptions o = DataOptions.parse(dataOptions);
        if (dataDir != null) o = o.with(DataOptions.DATA_DIR, dataDir);
        if (trainFraction != null) {
            if (!(trainFraction > 0 && trainFraction <= 1)) throw new IllegalArgumentException("--train-fraction must lie in (0, 1], got " + trainFraction);
            o = o.with(DataOptions.FRACTION, String.valueOf(trainFraction));
        }
        return new DataSpec(datasetOr(defaultDataset), o.asMap()); // checks the name and the keys
    }

    NetworkSpec network(String arch, String defaultActivation) {
        return new NetworkSpec(arch, activation != null ? activation : defaultActivation, leakySlope);
    }

    InitSpec init(String method, int defaultSample) {
        if (initSample != null && initSample < 1) throw new IllegalArgumentException("--init-sample must be >= 1, got " + initSample);
        return new InitSpec(method, biasInit, initSample != null ? initSample : defaultSample);
    }

    /** The whole starting point of a run. */
    ExperimentSpec experiment(String defaultDataset, String arch, String defaultActivation, String method, int defaultSample, long seed) {
        return new ExperimentSpec(data(defaultDataset), network(arch, defaultActivation), init(method, defaultSample), seed, backend);
    }

    /** --out, or runs/COMMAND-<timestamp>; prepared (created, checked writable) before any work. */
    Path outputFolder(String command) { return OutputFolder.prepare(out != null ? out : OutputFolder.timestamped(command)); }
}
