package ibinit.cli;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.backend.ThreadPolicy;
import ibinit.init.BiasInit;
import ibinit.init.ClassicInitializer;
import ibinit.init.InitContext;
import ibinit.init.Initializer;
import ibinit.init.Initializers;
import ibinit.info.MineConfig;
import ibinit.info.plane.EpochSchedule;
import ibinit.info.plane.InfoPlaneHistory;
import ibinit.info.plane.InfoPlaneRecorder;
import ibinit.info.plane.MeasurementSet;
import ibinit.info.plane.PlaneEstimator;
import ibinit.info.plane.PlaneEstimators;
import ibinit.nn.Adam;
import ibinit.nn.Architecture;
import ibinit.nn.Sequential;
import ibinit.report.AtomicFiles;
import ibinit.report.InfoPlanePlot;
import ibinit.report.Json;
import ibinit.train.RunStatus;
import ibinit.train.TrainOptions;
import ibinit.train.Trainer;
import ibinit.train.TrainingListener;
import ibinit.train.TrainingOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ibinit infoplane}: trains a network and records its information plane at log-spaced
 * epochs; writes OUT.json (after every recorded epoch, atomically) and OUT.png.
 */
@Command(name = "infoplane", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network and record I(X;T) and I(T;Y) of every layer at log-spaced epochs (the information plane).",
                "--task 12bit: Shwartz-Ziv & Tishby's 12-bit task (our documented equivalent, see README), 12-10-7-5-4-3-2, "
                        + "Adam lr 4e-4, batch 512, 80%% train, TruncatedNormal(0, 1/sqrt(fan_in)) weights, binning with 30 bins.",
                "--task mnist: the AA-MINE paper's Figure 3, 784-512-512-10 with cross-entropy, I(X; L_i + eps) and I(Y; L_i).",
                "Writes OUT.json (after every recorded epoch) and OUT.png. Exit codes: 0 completed, 1 diverged, 2 bad options, 130 interrupted."})
final class InfoPlaneCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--task", paramLabel = "NAME", description = "12bit or mnist. Default: ${DEFAULT-VALUE}.")
    String task = "12bit";

    @Option(names = "--act", paramLabel = "NAME", description = "Hidden activation (tanh, relu, ...). Default: tanh (12bit), relu (mnist).")
    String act;

    @Option(names = "--arch", paramLabel = "SPEC", description = "Architecture. Default: 12-10-7-5-4-3-2 (12bit), 784-512-512-10 (mnist).")
    String arch;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs to train. Default: 10000 (12bit, theirs; about 30 s on 2 cores), 20 (mnist).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "Mini-batch size. Default: 512 (12bit), 128 (mnist).")
    Integer batch;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate. Default: 4e-4 (12bit), 1e-3 (mnist).")
    Double lr;

    @Option(names = "--weight-decay", paramLabel = "L2", description = "L2 weight decay added to Adam's gradient. Default: ${DEFAULT-VALUE}.")
    double weightDecay = 0;

    @Option(names = "--init", paramLabel = "METHOD",
            description = "truncated-normal (N(0, 1/fan_in) cut at 2 std, biases 0: theirs) or any `train --init` method. "
                    + "Default: truncated-normal (12bit), kaiming-normal (mnist).")
    String init;

    @Option(names = "--estimator", paramLabel = "NAME",
            description = "binning, kde-upper, kde-lower, mine or aa-mine. Default: binning (12bit), kde-upper (mnist).")
    String estimator;

    @Option(names = "--bins", paramLabel = "N", description = "Binning: number of bin edges over the range (theirs: 30). Default: ${DEFAULT-VALUE}.")
    int bins = 30;

    @Option(names = "--bin-range", paramLabel = "KIND",
            description = "Binning: fixed ([-1, 1]), fitted (each layer's min..max at each epoch) or auto (fixed for tanh, fitted otherwise). "
                    + "Default: ${DEFAULT-VALUE}.")
    String binRange = "auto";

    @Option(names = "--noise-variance", paramLabel = "S2",
            description = "KDE: variance of the noise on T; mine/aa-mine: sigma^2 of eps in I(X; T + eps). Default: 0.1 (12bit), 2 (mnist).")
    Double noiseVariance;

    @Option(names = "--mine-steps", paramLabel = "N", description = "mine/aa-mine: critic steps per layer per recorded epoch. Default: ${DEFAULT-VALUE}.")
    int mineSteps = 300;

    @Option(names = "--critic-hidden", paramLabel = "H,H", split = ",",
            description = "mine/aa-mine: critic hidden widths (the paper: 1500,1500). Default: 256,256.")
    int[] criticHidden = {256, 256};

    @Option(names = "--record-epochs", paramLabel = "SPEC",
            description = "log:P (epoch 0, then P log-spaced epochs per decade, and the last) or a list 0,1,2,3,5,8,13. Default: ${DEFAULT-VALUE}.")
    String recordEpochs = "log:8";

    @Option(names = "--measure-rows", paramLabel = "N", description = "mnist: training images the plane is measured on. Default: ${DEFAULT-VALUE}.")
    int measureRows = 1000;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "mnist: folder of the IDX files (default: the data set's usual place).")
    String dataDir;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the task, the weights, the epoch order and the estimators. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(names = "--backend", paramLabel = "NAME", description = "auto, java, cpu or cuda. Default: ${DEFAULT-VALUE}.")
    String backend = "auto";

    @Option(names = "--out", paramLabel = "PATH", description = "Output path without extension: writes PATH.json and PATH.png. "
            + "Default: runs/infoplane-TASK-ACT.")
    Path out;

    @Override
    public Integer call() {
        InfoPlaneTask t;
        Architecture architecture;
        Activation activation;
        EpochSchedule schedule;
        try {
            t = InfoPlaneTask.parse(task);
            architecture = Architecture.parse(arch != null ? arch : t.arch);
            activation = Activation.parse(act != null ? act : t.activation);
            if (epochs == null) epochs = t.epochs;
            if (batch == null) batch = t.batch;
            if (lr == null) lr = t.lr;
            if (noiseVariance == null) noiseVariance = t.noiseVariance();
            if (estimator == null) estimator = t.estimator;
            if (init == null) init = t.init;
            new TrainOptions(epochs, batch, null, 0, seed); // validates epochs and batch
            if (!(lr > 0)) throw new IllegalArgumentException("--lr must be > 0, got " + lr);
            if (!(weightDecay >= 0)) throw new IllegalArgumentException("--weight-decay must be >= 0, got " + weightDecay);
            if (!(noiseVariance > 0)) throw new IllegalArgumentException("--noise-variance must be > 0, got " + noiseVariance);
            if (bins < 2) throw new IllegalArgumentException("--bins must be >= 2, got " + bins);
            if (measureRows < 2) throw new IllegalArgumentException("--measure-rows must be >= 2, got " + measureRows);
            if (!PlaneEstimators.NAMES.contains(estimator.trim().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("unknown --estimator '" + estimator + "' (choose from " + String.join(", ", PlaneEstimators.NAMES) + ")");
            }
            if (!java.util.List.of("auto", "fixed", "fitted").contains(binRange)) {
                throw new IllegalArgumentException("--bin-range must be auto, fixed or fitted, got '" + binRange + "'");
            }
            schedule = EpochSchedule.parse(recordEpochs, epochs);
            new MineConfig(criticHidden, 0.01f, 1e-4f, 256, Math.max(1, mineSteps), ibinit.info.MineObjective.DV_BIAS_CORRECTED,
                    ibinit.info.MarginalSampling.PERMUTATION, 0.01, 100, seed); // validates the critic options
            if (mineSteps < 1) throw new IllegalArgumentException("--mine-steps must be >= 1, got " + mineSteps);
            if (!backend.equals("auto")) Backends.probe(backend);
            initializer(init, activation); // validates the method
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Path stem = out != null ? out : Path.of("runs", "infoplane-" + t.cliName + "-" + activation.cliName);
        Path json = sibling(stem, ".json"), png = sibling(stem, ".png");
        PrintWriter err = spec.commandLine().getErr(), stdout = spec.commandLine().getOut();
        InfoPlaneTask.Loaded loaded = t.load(seed, dataDir, measureRows);
        boolean fitted = binRange.equals("fitted") || (binRange.equals("auto") && activation != Activation.TANH);
        try (Backend b = backend.equals("auto") ? Backends.openDefault() : Backends.open(backend);
             Sequential net = Sequential.build(b, architecture, activation, 0.01f);
             Adam adam = new Adam(lr.floatValue(), 0.9f, 0.999f, 1e-8f, (float) weightDecay);
             MeasurementSet measure = new MeasurementSet(b, loaded.measureX(), architecture.inputSize(), loaded.measureY(),
                     loaded.data().train().classes());
             PlaneEstimator est = PlaneEstimators.create(estimator, net, measure, new PlaneEstimators.Settings(bins, fitted,
                     noiseVariance, MineConfig.defaults().withHidden(criticHidden).withSteps(mineSteps).withSeed(seed)));
             ShutdownGuard guard = new ShutdownGuard(err, "What was recorded so far is in " + json + ".")) {
            initializer(init, activation).initialize(net, new InitContext(RandomStream.of(seed, 0), null, null));
            err.println("infoplane: " + t.cliName + " " + architecture + " " + activation.cliName + ", " + epochs + " epochs, "
                    + est.describe() + "; recording at " + schedule.epochs().length + " epochs; " + b.name() + ", " + ThreadPolicy.describe());
            err.println("data: " + loaded.description());
            err.flush();
            String title = String.format(Locale.ROOT, "Information plane: %s, %s %s%s, seed %d", t.cliName, architecture, activation.cliName,
                    weightDecay > 0 ? ", weight decay " + weightDecay : "", seed);
            InfoPlaneRecorder recorder = new InfoPlaneRecorder(net, measure, est, schedule, t.softmaxOutput(),
                    new InfoPlaneRecorder.Header(title, t.cliName, architecture.toString(), activation.cliName, loaded.description(), settings()),
                    h -> {
                        AtomicFiles.write(json, Json.write(h));
                        report(err, h);
                    });
            TrainingOutcome o = Trainer.train(net, adam, loaded.data(), new TrainOptions(epochs, batch, null, 0, seed), recorder, guard);
            InfoPlaneHistory h = recorder.history();
            InfoPlanePlot.write(h, png);
            stdout.println("infoplane: " + o.detail() + "; min test error " + Trainer.errorAtEpoch(o));
            stdout.printf(Locale.ROOT, "time: training %.1f s, estimating %.1f s%n", h.trainSeconds(), h.measureSeconds());
            stdout.println("result: " + json);
            stdout.println("plot: " + png);
            stdout.flush();
            return o.status() == RunStatus.COMPLETED ? 0 : o.status() == RunStatus.INTERRUPTED ? 130 : 1;
        }
    }

    /** One line per recorded epoch, printed when its snapshot is taken. */
    private static void report(PrintWriter err, InfoPlaneHistory h) {
        if (h.snapshots().isEmpty() || !h.status().equals("running")) return;
        InfoPlaneHistory.Snapshot s = h.snapshots().get(h.snapshots().size() - 1);
        err.printf(Locale.ROOT, "epoch %d: test error %.2f%%  I(X;T) %s  I(T;Y) %s bits%n", s.epoch(), s.testError(),
                format(s.ixt()), format(s.ity()));
        err.flush();
    }

    private static String format(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (double x : v) b.append(b.length() > 1 ? " " : "").append(String.format(Locale.ROOT, "%.3f", x));
        return b.append(']').toString();
    }

    private Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("optimizer", "adam (betas 0.9, 0.999, eps 1e-8)");
        m.put("lr", String.valueOf(lr));
        m.put("batch", String.valueOf(batch));
        m.put("epochs", String.valueOf(epochs));
        m.put("weightDecay", String.valueOf(weightDecay));
        m.put("init", init);
        m.put("seed", String.valueOf(seed));
        m.put("recordEpochs", recordEpochs);
        m.put("estimatorName", estimator);
        m.put("noiseVariance", String.valueOf(noiseVariance));
        m.put("bins", String.valueOf(bins));
        m.put("binRange", binRange);
        m.put("mineSteps", String.valueOf(mineSteps));
        m.put("criticHidden", Arrays.toString(criticHidden));
        return m;
    }

    /** {@code truncated-normal}: theirs, TruncatedNormal(0, 1/sqrt(fan_in)) cut at +-2 std (TensorFlow's), biases 0; else the registry's. */
    static Initializer initializer(String name, Activation activation) {
        if (name.trim().equalsIgnoreCase("truncated-normal")) {
            return new ClassicInitializer("truncated-normal", (w, rs) -> {
                float std = (float) (1 / Math.sqrt(w.fanIn()));
                w.value().backend().fillTruncatedNormal(w.value(), rs, 0f, std, -2 * std, 2 * std);
            }, BiasInit.ZEROS);
        }
        return Initializers.create(name, activation, 0.01f, BiasInit.ZEROS);
    }

    private static Path sibling(Path stem, String extension) {
        String name = stem.getFileName().toString();
        if (name.endsWith(".json") || name.endsWith(".png")) name = name.substring(0, name.lastIndexOf('.'));
        return stem.resolveSibling(name + extension);
    }
}
