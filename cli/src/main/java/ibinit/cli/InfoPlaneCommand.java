package ibinit.cli;

import ibinit.backend.ThreadPolicy;
import ibinit.data.DataOptions;
import ibinit.data.TwelveBitTask;
import ibinit.experiment.DataLoader;
import ibinit.experiment.Experiment;
import ibinit.experiment.ExperimentSpec;
import ibinit.experiment.InfoPlaneRecording;
import ibinit.info.plane.InfoPlaneHistory;
import ibinit.report.AtomicFiles;
import ibinit.report.InfoPlanePlot;
import ibinit.report.Json;
import ibinit.text.Choices;
import ibinit.train.RunStatus;
import ibinit.train.Trainer;
import ibinit.train.TrainingOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ibinit infoplane}: trains a network and records its information plane at log-spaced
 * epochs; writes OUT/infoplane.json (after every recorded epoch, atomically) and OUT/infoplane.png.
 */
@Command(name = "infoplane", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network and record I(X;T) and I(T;Y) of every layer at log-spaced epochs (the information plane).",
                "--task 12bit: Shwartz-Ziv & Tishby's 12-bit task (our documented equivalent, see README), 12-10-7-5-4-3-2, "
                        + "Adam lr 4e-4, batch 512, 80%% train, TruncatedNormal(0, 1/sqrt(fan_in)) weights, binning with 30 bins.",
                "--task mnist: the AA-MINE paper's Figure 3, 784-512-512-10 with cross-entropy, I(X; L_i + eps) and I(Y; L_i).",
                "Writes OUT/" + InfoPlaneCommand.JSON + " (after every recorded epoch) and OUT/" + InfoPlaneCommand.PNG + ". "
                        + "Exit codes: 0 completed, 1 diverged, 2 bad options, 130 interrupted."})
final class InfoPlaneCommand implements Callable<Integer> {
    static final String JSON = "infoplane.json", PNG = "infoplane.png";

    /** The two experiments and their defaults. */
    enum Task {
        TWELVE_BIT("12bit", TwelveBitTask.NAME, "12-10-7-5-4-3-2", "tanh", 10000, 512, 4e-4, "truncated-normal", "binning", 0.1, true),
        MNIST("mnist", "mnist", "784-512-512-10", "relu", 20, 128, 1e-3, "kaiming-normal", "kde-upper", 2.0, false);

        final String cliName, dataset, arch, activation, init, estimator;
        final int epochs, batch;
        final double lr, noiseVariance;
        final boolean softmaxOutput;

        Task(String cliName, String dataset, String arch, String activation, int epochs, int batch, double lr, String init, String estimator,
             double noiseVariance, boolean softmaxOutput) {
            this.cliName = cliName;
            this.dataset = dataset;
            this.arch = arch;
            this.activation = activation;
            this.epochs = epochs;
            this.batch = batch;
            this.lr = lr;
            this.init = init;
            this.estimator = estimator;
            this.noiseVariance = noiseVariance;
            this.softmaxOutput = softmaxOutput;
        }

        static Task parse(String s) {
            return Choices.parse(Task.class, s, t -> t.cliName, "--task");
        }
    }

    @Spec CommandSpec spec;

    @Option(names = "--task", paramLabel = "NAME", description = "12bit or mnist: the defaults below. Default: 12bit.")
    String task = "12bit";

    @Option(names = "--arch", paramLabel = "SPEC", description = Help.ARCH + " Default: 12-10-7-5-4-3-2 (12bit), 784-512-512-10 (mnist).")
    String arch;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs to train. Default: 10000 (12bit, theirs; about 30 s on 2 cores), 20 (mnist).")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", description = "Mini-batch size. Default: 512 (12bit), 128 (mnist).")
    Integer batch;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate. Default: 4e-4 (12bit), 1e-3 (mnist).")
    Double lr;

    @Option(names = "--weight-decay", paramLabel = "L2", description = "L2 weight decay added to Adam's gradient. Default: 0.")
    double weightDecay = 0;

    @Option(names = "--init", paramLabel = "METHOD", description = Help.INIT + " Default: truncated-normal (12bit: theirs), kaiming-normal (mnist).")
    String init;

    @Option(names = "--estimator", paramLabel = "NAME",
            description = "binning, kde-upper, kde-lower, mine or aa-mine. Default: binning (12bit), kde-upper (mnist).")
    String estimator;

    @Option(names = "--bins", paramLabel = "N", description = "Binning: number of bin edges over the range (theirs: 30). Default: 30.")
    int bins = 30;

    @Option(names = "--bin-range", paramLabel = "KIND",
            description = "Binning: fixed ([-1, 1]), fitted (each layer's min..max at each epoch) or auto (fixed for tanh, fitted otherwise). Default: auto.")
    String binRange = "auto";

    @Option(names = "--noise-variance", paramLabel = "S2",
            description = "KDE: variance of the noise on T; mine/aa-mine: sigma^2 of eps in I(X; T + eps). Default: 0.1 (12bit), 2 (mnist).")
    Double noiseVariance;

    @Option(names = "--mine-steps", paramLabel = "N", description = "mine/aa-mine: critic steps per layer per recorded epoch. Default: 300.")
    int mineSteps = 300;

    @Option(names = "--critic-hidden", paramLabel = "H,H", split = ",",
            description = "mine/aa-mine: critic hidden widths (the paper: 1500,1500). Default: 256,256.")
    int[] criticHidden = {256, 256};

    @Option(names = "--record-epochs", paramLabel = "SPEC",
            description = "log:P (epoch 0, then P log-spaced epochs per decade, and the last) or a list 0,1,2,3,5,8,13. Default: log:8.")
    String recordEpochs = "log:8";

    @Option(names = "--measure-rows", paramLabel = "N", description = "Training rows the plane is measured on (12bit: every pattern). Default: 1000.")
    int measureRows = 1000;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the weights, the epoch order, the estimators and the measured rows (12bit: also of the task). Default: 1.")
    long seed = 1;

    @Mixin ExperimentOptions common;

    @Override
    public Integer call() {
        Task t = Task.parse(task);
        int e = epochs != null ? epochs : t.epochs, b = batch != null ? batch : t.batch;
        InfoPlaneRecording.Settings settings = new InfoPlaneRecording.Settings(e, b, lr != null ? lr : t.lr, weightDecay,
                estimator != null ? estimator : t.estimator, bins, binRange, noiseVariance != null ? noiseVariance : t.noiseVariance, mineSteps,
                criticHidden, recordEpochs, measureRows, t.softmaxOutput);
        ExperimentSpec x = common.experiment(t.dataset, arch != null ? arch : t.arch, t.activation, init != null ? init : t.init, b, seed);
        if (x.data().dataset().equals(TwelveBitTask.NAME)) x = x.withData(x.data().withDefault(DataOptions.SEED, String.valueOf(seed)));
        DataLoader data = DataLoader.cached();
        x.check(data);
        Path dir = common.outputFolder("infoplane");
        Path json = dir.resolve(JSON), png = dir.resolve(PNG);
        PrintWriter err = spec.commandLine().getErr(), stdout = spec.commandLine().getOut();
        try (Experiment opened = Experiment.open(x, data);
             ShutdownGuard guard = new ShutdownGuard(err, "What was recorded so far is in " + json + ".")) {
            InfoPlaneRecording.Result r = InfoPlaneRecording.run(opened, settings, t.cliName, line -> {
                err.println("infoplane: " + line.replace("\ndata: ", "; " + opened.backend().name() + ", " + ThreadPolicy.describe() + "\ndata: "));
                err.flush();
            }, h -> {
                AtomicFiles.write(json, Json.write(h));
                report(err, h);
            }, guard);
            InfoPlanePlot.write(r.history(), png);
            TrainingOutcome o = r.outcome();
            stdout.println("infoplane: " + o.detail() + "; min test error " + Trainer.errorAtEpoch(o));
            stdout.printf(Locale.ROOT, "time: training %.1f s, estimating %.1f s%n", r.history().trainSeconds(), r.history().measureSeconds());
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
}
