package ibinit.cli;

import ibinit.data.DataOptions;
import ibinit.data.Datasets;
import ibinit.train.OptimizerSpec;
import ibinit.train.Schedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options {@code train} and {@code compare} share: data, network, optimizer, schedule,
 * backend. Each turns into the plain fields of a {@link ibinit.train.RunSpec}; a bad value is an
 * IllegalArgumentException naming the option, which the commands report with the usage.
 */
final class TrainingOptions {
    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Data set: fashion-mnist, mnist or synthetic (seeded Gaussian mixture; shape via --data-option). Default: ${DEFAULT-VALUE}.")
    String dataset = "fashion-mnist";

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding the data set's IDX files (default: the data set's usual place, e.g. /usr/share/datasets/fashion-mnist).")
    String dataDir;

    @Option(names = "--train-fraction", paramLabel = "F",
            description = "Keep a stratified, seeded fraction F in (0, 1] of the training set; the test set is untouched. Default: 1.")
    Double trainFraction;

    @Option(names = "--data-option", paramLabel = "KEY=VALUE",
            description = "Any other data option, repeatable: seed, standardize (none|global|per-feature), scale (unit|none), "
                    + "testSize (mnist, synthetic), and for synthetic: classes, dims, trainSize, separation.")
    List<String> dataOptions = new ArrayList<>();

    @Option(names = "--act", paramLabel = "NAME",
            description = "Activation after every hidden layer: relu, leaky-relu, tanh, sigmoid or identity. Default: ${DEFAULT-VALUE}.")
    String activation = "relu";

    @Option(names = "--leaky-slope", paramLabel = "A", description = "Negative slope of leaky-relu. Default: ${DEFAULT-VALUE}.")
    double leakySlope = 0.01;

    @Option(names = "--bias-init", paramLabel = "KIND",
            description = "How biases start: zeros, pytorch (U(+-1/sqrt(fan_in))) or const:V. Default: ${DEFAULT-VALUE}.")
    String biasInit = "zeros";

    @Option(names = "--init-sample", paramLabel = "N",
            description = "Training rows handed to data-driven initializers (LSUV, IBCI), drawn with the run's seed. Default: the batch size.")
    Integer initSample;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs to train. Default: ${DEFAULT-VALUE}.")
    int epochs = 10;

    @Option(names = "--batch", paramLabel = "N",
            description = "Mini-batch size; the last, smaller batch of an epoch is kept. Default: ${DEFAULT-VALUE}.")
    int batch = 128;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "sgd (PyTorch SGD) or adam (PyTorch Adam, betas 0.9/0.999, eps 1e-8). Default: ${DEFAULT-VALUE}.")
    String optimizer = "sgd";

    @Option(names = "--lr", paramLabel = "RATE", description = "Base learning rate. Default: ${DEFAULT-VALUE}.")
    double lr = 0.01;

    @Option(names = "--momentum", paramLabel = "M", description = "SGD momentum in [0, 1) (sgd only). Default: 0.9 for sgd.")
    Double momentum;

    @Option(names = "--nesterov", description = "Nesterov momentum (sgd with --momentum > 0).")
    boolean nesterov;

    @Option(names = "--weight-decay", paramLabel = "L2", description = "L2 weight decay added to the gradient. Default: ${DEFAULT-VALUE}.")
    double weightDecay = 0;

    @Option(names = "--schedule", paramLabel = "KIND",
            description = "Learning rate per epoch: constant; step (times --gamma every --step-size epochs); "
                    + "cosine (lr (1 + cos(pi e / epochs)) / 2, towards 0 at the end). Default: ${DEFAULT-VALUE}.")
    String schedule = "constant";

    @Option(names = "--step-size", paramLabel = "EPOCHS", description = "Epochs between decays of --schedule step. Default: 10.")
    Integer stepSize;

    @Option(names = "--gamma", paramLabel = "G", description = "Decay factor of --schedule step. Default: 0.1.")
    Double gamma;

    @Option(names = "--clip", paramLabel = "NORM", description = "Clip the global gradient norm to NORM; 0 turns clipping off. Default: ${DEFAULT-VALUE}.")
    double clip = 0;

    @Option(names = "--smoothing", paramLabel = "PROTOCOL",
            description = "Entropic smoothing (scheduled per-layer box-kernel smoothing of the loss): none, or box:KEY=VALUE,... "
                    + "with sigma=S (radius (i-1) S on the i-th smoothed layer; default 0.01) or radius=R or radii=R1;R2;..., "
                    + "layers=conv (default) or layers=I;J (weight layers from 1, never the last), k=K extra points (1), "
                    + "estimator=mean|sample|entropy-sgd (mean), schedule=constant|exp|inv-sqrt (constant) with factor=F (1/3) "
                    + "and period=P (10) for exp; entropy-sgd: inner=L (20), inner-lr (0.1), gamma (1e-4), gamma-growth (1e-3). "
                    + "compare: repeatable, crossed with --methods. Default: none.")
    List<String> smoothing = new ArrayList<>();

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Numeric backend: auto (the best available: cuda, cpu, java), java, cpu or cuda. Default: ${DEFAULT-VALUE}.")
    String backend = "auto";

    /** The data layer's options from --data-dir, --train-fraction and --data-option. */
    Map<String, String> dataOptionMap() {
        String name = dataset.trim().toLowerCase(Locale.ROOT);
        if (!Datasets.NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown --dataset '" + dataset + "' (choose from " + String.join(", ", Datasets.NAMES) + ")");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : dataOptions) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--data-option '" + kv + "' is not KEY=VALUE");
            m.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        DataOptions parsed = DataOptions.of(m); // normalizes data-dir / data_dir to dataDir
        Map<String, String> normalized = new LinkedHashMap<>();
        for (String k : parsed.keys()) normalized.put(k, parsed.get(k).orElseThrow());
        if (dataDir != null) normalized.put(DataOptions.DATA_DIR, dataDir);
        if (trainFraction != null) {
            if (!(trainFraction > 0 && trainFraction <= 1)) {
                throw new IllegalArgumentException("--train-fraction must lie in (0, 1], got " + trainFraction);
            }
            normalized.put(DataOptions.FRACTION, String.valueOf(trainFraction));
        }
        List<String> allowed = Datasets.allowedOptions(name);
        for (String k : normalized.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("--dataset " + name + " has no option '" + k + "' (its options: "
                        + String.join(", ", allowed) + ")");
            }
        }
        return normalized;
    }

    OptimizerSpec optimizerSpec() {
        String name = optimizer.trim().toLowerCase(Locale.ROOT);
        if (name.equals("adam") && momentum != null) throw new IllegalArgumentException("--momentum applies to --optimizer sgd only");
        double m = momentum != null ? momentum : name.equals("sgd") ? 0.9 : 0;
        return new OptimizerSpec(name, lr, m, nesterov, weightDecay);
    }

    Schedule scheduleSpec() {
        String kind = schedule.trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("step") && (stepSize != null || gamma != null)) {
            throw new IllegalArgumentException("--step-size and --gamma apply to --schedule step only");
        }
        return switch (kind) {
            case "step" -> Schedule.step(stepSize == null ? 10 : stepSize, gamma == null ? 0.1 : gamma);
            default -> new Schedule(kind, 0, 1.0);
        };
    }

    String backendName() {
        String b = backend.trim().toLowerCase(Locale.ROOT);
        if (!b.equals("auto") && !ibinit.backend.Backends.NAMES.contains(b)) {
            throw new IllegalArgumentException("unknown --backend '" + backend + "' (choose from auto, java, cpu, cuda)");
        }
        return b;
    }

    /** The --smoothing protocols in canonical text, [none] when not given; a mistake names the option. */
    List<String> smoothingTexts() {
        if (smoothing.isEmpty()) return List.of("none");
        List<String> out = new ArrayList<>();
        for (String s : smoothing) {
            try {
                out.add(ibinit.train.smoothing.Smoothing.parse(s).text());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--smoothing '" + s + "': " + e.getMessage(), e);
            }
        }
        if (out.stream().distinct().count() != out.size()) throw new IllegalArgumentException("--smoothing lists a protocol twice");
        return List.copyOf(out);
    }

    String activationName() { return ibinit.backend.Activation.parse(activation).cliName; }

    int initSampleSize() {
        if (initSample != null && initSample < 1) throw new IllegalArgumentException("--init-sample must be >= 1, got " + initSample);
        return initSample != null ? initSample : Math.max(1, batch);
    }
}
