package ibinit.cli;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.backend.ThreadPolicy;
import ibinit.data.DataOptions;
import ibinit.data.DataSplit;
import ibinit.data.Datasets;
import ibinit.info.ib.IbConfig;
import ibinit.info.ib.IbMode;
import ibinit.info.ib.IbObjective;
import ibinit.info.ib.IbOutcome;
import ibinit.info.ib.IbTrainer;
import ibinit.init.BiasInit;
import ibinit.init.InitContext;
import ibinit.init.Initializers;
import ibinit.nn.Architecture;
import ibinit.nn.Sequential;
import ibinit.report.AtomicFiles;
import ibinit.report.Json;
import ibinit.report.OutputLock;
import ibinit.train.Provenance;
import ibinit.train.TrainTestData;
import ibinit.train.TrainingData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ibinit ib-train}: information-bottleneck training, layer by layer or end to end, resumable. */
@Command(name = "ib-train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a dense network with the information-bottleneck objective (shared/specs/mine.md).",
                "layerwise: each hidden layer ascends iy-weight I(Y;L_i) - ix-weight I(X;L_i+eps) (critics D_y: MINE, D_x: AA-MINE), "
                        + "is frozen, then a linear head learns cross-entropy. end-to-end: ce-weight CE - iy-weight I(Y;Yhat) + ix-weight I(X;Yhat+eps).",
                "--objective ce trains the whole network with cross-entropy alone (layerwise: for layers x iterations + head steps updates).",
                "Writes OUT/checkpoint.safetensors every --checkpoint-every steps and on Ctrl-C (--resume continues from it) and OUT/result.json.",
                "Defaults are the paper's (5000 iterations per layer, 10 critic updates, critics 1500-1500): hours on 2 CPU cores; shorten them.",
                "Exit codes: 0 completed, 1 diverged, 2 bad options or data, 130 interrupted."})
final class IbTrainCommand implements Callable<Integer> {
    static final String CHECKPOINT = "checkpoint.safetensors", RESULT = "result.json";

    @Spec CommandSpec spec;

    @Option(names = "--mode", paramLabel = "MODE", description = "layerwise or end-to-end. Default: ${DEFAULT-VALUE}.")
    String mode = "layerwise";

    @Option(names = "--objective", paramLabel = "NAME", description = "ce, ib-y-only or ib. Default: ${DEFAULT-VALUE}.")
    String objective = "ib";

    @Option(names = "--dataset", paramLabel = "NAME", description = "mnist, fashion-mnist or synthetic. Default: ${DEFAULT-VALUE}.")
    String dataset = "mnist";

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of the data set's IDX files (default: its usual place).")
    String dataDir;

    @Option(names = "--train-fraction", paramLabel = "F", description = "Keep a stratified fraction F in (0, 1] of the training set (data seed 0). Default: 1.")
    Double trainFraction;

    @Option(names = "--data-option", paramLabel = "KEY=VALUE", description = "Any other data option, repeatable (as in `train`).")
    List<String> dataOptions = new ArrayList<>();

    @Option(names = "--arch", paramLabel = "SPEC", description = "Dense architecture. Default: ${DEFAULT-VALUE}.")
    String arch = "784-512-512-10";

    @Option(names = "--act", paramLabel = "NAME", description = "Hidden activation. Default: ${DEFAULT-VALUE}.")
    String act = "relu";

    @Option(names = "--init", paramLabel = "METHOD", description = "Initialization method (as `train --init`), biases 0. Default: ${DEFAULT-VALUE}.")
    String init = "kaiming-normal";

    @Option(names = "--iterations", paramLabel = "N", description = "Network updates per hidden layer (layerwise) or in all (end-to-end). Default: ${DEFAULT-VALUE}.")
    int iterations = 5000;

    @Option(names = "--critic-steps", paramLabel = "K", description = "Updates of each critic per network update. Default: ${DEFAULT-VALUE}.")
    int criticSteps = 10;

    @Option(names = "--pretrain-steps", paramLabel = "N", description = "Critic updates before a layer's first update. Default: ${DEFAULT-VALUE}.")
    int pretrainSteps = 500;

    @Option(names = "--head-steps", paramLabel = "N", description = "layerwise: cross-entropy updates of the linear head. Default: ${DEFAULT-VALUE}.")
    int headSteps = 2000;

    @Option(names = "--batch", paramLabel = "N", description = "Rows per update (at most the training set). Default: ${DEFAULT-VALUE}.")
    int batch = 256;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate of the network. Default: ${DEFAULT-VALUE}.")
    double lr = 1e-3;

    @Option(names = "--critic-lr", paramLabel = "RATE", description = "Adam learning rate of the critics. Default: ${DEFAULT-VALUE}.")
    double criticLr = 1e-4;

    @Option(names = "--critic-hidden", paramLabel = "H,H", split = ",", description = "Critic hidden widths. Default: 1500,1500.")
    int[] criticHidden = {1500, 1500};

    @Option(names = "--noise-variance", paramLabel = "S2", description = "sigma^2 of eps in I(X; L + eps). Default: ${DEFAULT-VALUE}.")
    double noiseVariance = 2.0;

    @Option(names = "--ce-weight", paramLabel = "A", description = "end-to-end: weight of cross-entropy (the paper's alpha). Default: ${DEFAULT-VALUE}.")
    double ceWeight = 1.0;

    @Option(names = "--iy-weight", paramLabel = "B", description = "Weight of I(Y; L) (end-to-end: the paper's beta). Default: ${DEFAULT-VALUE}.")
    double iyWeight = 1.0;

    @Option(names = "--ix-weight", paramLabel = "G", description = "Weight of I(X; L + eps) (layerwise: the paper's beta; end-to-end: its gamma). Default: ${DEFAULT-VALUE}.")
    double ixWeight = 1e-3;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "Steps between checkpoints. Default: ${DEFAULT-VALUE}.")
    int checkpointEvery = 500;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the weights, critics, batches and noise. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(names = "--backend", paramLabel = "NAME", description = "auto, java, cpu or cuda. Default: ${DEFAULT-VALUE}.")
    String backend = "auto";

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder. Default: runs/ib-train-<timestamp>.")
    Path out;

    @Option(names = "--resume", description = "Continue from OUT/" + CHECKPOINT + " (same options).")
    boolean resume;

    @Override
    public Integer call() {
        IbConfig config;
        Architecture architecture;
        Activation activation;
        Map<String, String> dataMap;
        try {
            config = new IbConfig(IbMode.parse(mode), IbObjective.parse(objective), iterations, criticSteps, pretrainSteps, headSteps, batch,
                    lr, criticLr, criticHidden, noiseVariance, ceWeight, iyWeight, ixWeight, checkpointEvery, seed);
            architecture = Architecture.parse(arch);
            activation = Activation.parse(act);
            Initializers.create(init, activation, 0.01f, BiasInit.ZEROS);
            dataMap = dataOptions();
            if (!backend.equals("auto")) Backends.probe(backend);
            if (resume && out == null) throw new IllegalArgumentException("--resume needs --out (the folder of the run to continue)");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Path dir = out != null ? out : OutputFolders.timestamped("ib-train");
        PrintWriter err = spec.commandLine().getErr(), stdout = spec.commandLine().getOut();
        DataSplit split = Datasets.load(dataset, DataOptions.of(dataMap));
        TrainTestData data = new TrainTestData(convert(split.train()), convert(split.test()), split.description());
        if (data.train().dims() != architecture.inputSize() || data.train().classes() > architecture.outputSize()) {
            throw new UserException("architecture " + architecture + " does not fit " + dataset + " (" + data.train().dims() + " features, "
                    + data.train().classes() + " classes)");
        }
        Instant started = Instant.now();
        try (OutputLock lock = OutputLock.acquire(dir, err::println);
             Backend b = backend.equals("auto") ? Backends.openDefault() : Backends.open(backend);
             Sequential net = Sequential.build(b, architecture, activation, 0.01f);
             ShutdownGuard guard = new ShutdownGuard(err, "A checkpoint is saved; --resume continues.")) {
            Initializers.create(init, activation, 0.01f, BiasInit.ZEROS).initialize(net, new InitContext(RandomStream.of(seed, 0), null, null));
            IbTrainer trainer = new IbTrainer(net, data, config);
            err.println("ib-train: " + config.mode().cliName + " " + config.objective().cliName + " on " + dataset + ", " + architecture + " "
                    + activation.cliName + ", " + trainer.totalSteps() + " steps into " + dir + "; " + b.name() + ", " + ThreadPolicy.describe());
            err.println("data: " + data.description());
            err.flush();
            IbOutcome o = trainer.run(dir.resolve(CHECKPOINT), resume, guard, new IbProgressPrinter(err));
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("options", options(dataMap));
            report.put("settings", config.fingerprint());
            report.put("data", data.description());
            report.put("network", net.describe());
            report.put("outcome", o);
            report.put("provenance", Provenance.collect(b, started, Instant.now()));
            if (o.completed()) AtomicFiles.write(dir.resolve(RESULT), Json.write(report));
            stdout.println("ib-train: " + o.detail());
            if (o.completed()) {
                stdout.printf(Locale.ROOT, "test accuracy: %.2f%% (train %.2f%%)%n", o.testAccuracy(), o.trainAccuracy());
                stdout.printf(Locale.ROOT, "time: %.1f s%n", o.seconds());
                stdout.println("result: " + dir.resolve(RESULT));
            }
            stdout.flush();
            return o.completed() ? 0 : o.status().equals("interrupted") ? 130 : 1;
        }
    }

    private Map<String, String> dataOptions() {
        String name = dataset.trim().toLowerCase(Locale.ROOT);
        if (!Datasets.NAMES.contains(name)) throw new IllegalArgumentException("unknown --dataset '" + dataset + "' (choose from " + String.join(", ", Datasets.NAMES) + ")");
        dataset = name;
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : dataOptions) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--data-option '" + kv + "' is not KEY=VALUE");
            m.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        if (dataDir != null) m.put(DataOptions.DATA_DIR, dataDir);
        if (trainFraction != null) {
            if (!(trainFraction > 0 && trainFraction <= 1)) throw new IllegalArgumentException("--train-fraction must lie in (0, 1], got " + trainFraction);
            m.put(DataOptions.FRACTION, String.valueOf(trainFraction));
        }
        List<String> allowed = Datasets.allowedOptions(name);
        for (String k : DataOptions.of(m).keys()) {
            if (!allowed.contains(k)) throw new IllegalArgumentException("--dataset " + name + " has no option '" + k + "' (its options: " + String.join(", ", allowed) + ")");
        }
        return m;
    }

    private Map<String, String> options(Map<String, String> dataMap) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mode", mode);
        m.put("objective", objective);
        m.put("dataset", dataset);
        m.put("dataOptions", dataMap.toString());
        m.put("arch", arch);
        m.put("act", act);
        m.put("init", init);
        m.put("seed", String.valueOf(seed));
        m.put("backend", backend);
        return m;
    }

    private static TrainingData convert(ibinit.data.Dataset d) {
        return new TrainingData(d.features(), d.labels(), d.featureDim(), d.classes());
    }
}
