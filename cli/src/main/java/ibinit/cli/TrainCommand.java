package ibinit.cli;

import ibinit.backend.ThreadPolicy;
import ibinit.experiment.ExperimentSpec;
import ibinit.experiment.InitialWeights;
import ibinit.experiment.OutputFolder;
import ibinit.experiment.SupervisedTraining;
import ibinit.report.ErrorCurvePlot;
import ibinit.report.ErrorCurves;
import ibinit.report.GridReportWriter;
import ibinit.report.JsonRunStore;
import ibinit.train.RunResult;
import ibinit.train.RunSpec;
import ibinit.train.RunStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibinit train}: one configuration, one run; its JSON result and test-error plot go to --out. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train one network with one initialization and seed; print the minimum test error and its epoch.",
                "Writes OUT/runs/<run>.json (every option, per-epoch history, timings, provenance) and OUT/" + GridReportWriter.PLOT + ".",
                "Exit codes: 0 completed, 1 diverged or failed, 2 a mistake in the options or the data, 130 interrupted."})
final class TrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--arch", paramLabel = "SPEC", description = Help.ARCH + " Default: 784-100-10.")
    String arch = "784-100-10";

    @Option(names = "--init", paramLabel = "METHOD", description = Help.INIT + " Default: kaiming-normal.")
    String init = "kaiming-normal";

    @Option(names = "--init-from", paramLabel = "FILE",
            description = "Start from the weights in a safetensors file (as written by `ibinit init`); names and shapes must "
                    + "match the network. Same as --init file:path=FILE; do not combine with --init.")
    Path initFrom;

    @Option(names = "--save-init", paramLabel = "FILE", description = "Also write the initial weights (before the first step) to FILE as safetensors.")
    Path saveInit;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the initial weights, the initialization sample and every epoch's shuffle. Default: 1.")
    long seed = 1;

    @Mixin ExperimentOptions common;

    @Mixin TrainingOptions options;

    @Override
    public Integer call() {
        if (initFrom != null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--init")) {
                throw new IllegalArgumentException("--init-from and --init both name an initialization: give one");
            }
            init = "file:path=" + initFrom.toAbsolutePath();
        }
        List<String> smoothing = options.smoothingTexts();
        if (smoothing.size() > 1) throw new IllegalArgumentException("train takes one --smoothing protocol (compare takes several)");
        ExperimentSpec e = common.experiment("fashion-mnist", arch, "relu", init, Math.max(1, options.batch), seed);
        RunSpec run = new RunSpec(e.data().dataset(), e.data().options(), arch, e.network().activation(), e.network().leakySlope(), init,
                e.init().bias(), e.init().sample(), options.optimizerSpec(), options.scheduleSpec(), options.epochs, options.batch,
                options.clip, seed, e.backend(), smoothing.getFirst());
        SupervisedTraining training = new SupervisedTraining();
        // The end-of-run plot's fonts and encoder load on the idle core while the data loads.
        Thread.ofPlatform().daemon().name("plot-preparation").start(ErrorCurvePlot::prepare);
        training.check(run);
        if (saveInit != null) OutputFolder.writable(saveInit.toAbsolutePath().getParent(), "--save-init");
        Path dir = common.outputFolder("train");
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        JsonRunStore store = new JsonRunStore(dir);
        RunResult r;
        // Everything is written and printed before the guard closes: after a Ctrl-C the JVM ends as soon as it does.
        try (ShutdownGuard guard = new ShutdownGuard(err, "This run is not saved.")) {
            err.println("train: " + run.label() + " into " + dir + "; " + ThreadPolicy.describe());
            err.flush();
            r = training.run(run, Terminal.progress(err, ""), guard, opened -> {
                if (saveInit == null) return;
                InitialWeights.write(opened, saveInit);
                err.println("train: initial weights written to " + saveInit);
                err.flush();
            });
            if (r.status() == RunStatus.INTERRUPTED) {
                stdout.println(r.detail() + "; nothing saved");
                stdout.flush();
                return 130;
            }
            store.save(r);
            ErrorCurvePlot.write(ErrorCurves.of(List.of(r)), run.dataset() + " " + run.arch() + " " + run.method() + " seed " + run.seed()
                    + ": test error per epoch", dir.resolve(GridReportWriter.PLOT));
            stdout.println("run: " + run.label() + " (" + r.detail() + ")");
            stdout.println(r.bestEpoch() == 0 ? "min test error: n/a (no epoch finished)"
                    : String.format(Locale.ROOT, "min test error: %.2f%% at epoch %d", r.bestError(), r.bestEpoch()));
            stdout.println("result: " + store.fileOf(run));
            stdout.println("plot: " + dir.resolve(GridReportWriter.PLOT));
            stdout.flush();
        }
        return r.status() == RunStatus.COMPLETED ? 0 : 1;
    }
}
