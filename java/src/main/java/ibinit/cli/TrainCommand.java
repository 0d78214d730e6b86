package ibinit.cli;

import ibinit.backend.ThreadPolicy;
import ibinit.report.ErrorCurvePlot;
import ibinit.report.ErrorCurves;
import ibinit.report.GridReportWriter;
import ibinit.report.JsonRunStore;
import ibinit.train.DatasetSource;
import ibinit.train.RunResult;
import ibinit.train.RunSpec;
import ibinit.train.RunStatus;
import ibinit.train.Runner;
import ibinit.train.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ibinit train}: one configuration, one run; its JSON result and test-error plot go to --out. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train one network with one initialization and seed; print the minimum test error and its epoch.",
                "Writes OUT/runs/<run>.json (every option, per-epoch history, timings, provenance) and OUT/" + GridReportWriter.PLOT + ".",
                "Exit codes: 0 completed, 1 diverged or failed, 2 a mistake in the options or the data, 130 interrupted."})
final class TrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--arch", paramLabel = "SPEC",
            description = "Architecture in the compact syntax: input-hidden...-classes, e.g. 784-100-10 or 784-512-512-10. Default: ${DEFAULT-VALUE}.")
    String arch = "784-100-10";

    @Option(names = "--init", paramLabel = "METHOD",
            description = "Initialization method with options: xavier-uniform, xavier-normal, kaiming-uniform, kaiming-normal (he), "
                    + "lecun-normal, orthogonal, normal, lsuv; e.g. kaiming-normal:mode=fan_out, normal:std=0.01, lsuv:tol=0.1. Default: ${DEFAULT-VALUE}.")
    String init = "kaiming-normal";

    @Option(names = "--init-from", paramLabel = "FILE",
            description = "Start from the weights in a safetensors file (as written by `ibinit init --out`); names and shapes must "
                    + "match the network. Same as --init file:path=FILE; do not combine with --init.")
    Path initFrom;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the initial weights, the initialization sample and every epoch's shuffle. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder. Default: runs/train-<timestamp>.")
    Path out;

    @Mixin TrainingOptions options;

    @Override
    public Integer call() {
        RunSpec run;
        Runner runner = new Runner(new DatasetSource());
        if (initFrom != null) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--init")) {
                throw new ParameterException(spec.commandLine(), "--init-from and --init both name an initialization: give one");
            }
            init = "file:path=" + initFrom.toAbsolutePath();
        }
        try {
            List<String> smoothing = options.smoothingTexts();
            if (smoothing.size() > 1) throw new IllegalArgumentException("train takes one --smoothing protocol (compare takes several)");
            run = new RunSpec(options.dataset.trim().toLowerCase(Locale.ROOT), options.dataOptionMap(), arch, options.activationName(),
                    options.leakySlope, init, options.biasInit, options.initSampleSize(), options.optimizerSpec(),
                    options.scheduleSpec(), options.epochs, options.batch, options.clip, seed, options.backendName(), smoothing.getFirst());
            runner.validate(run);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Path dir = out != null ? out : OutputFolders.timestamped("train");
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        JsonRunStore store = new JsonRunStore(dir);
        try {
            Files.createDirectories(store.folder()); // fail now, not after a long run
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --out " + dir + ": " + e, e);
        }
        RunResult r;
        // Everything is written and printed before the guard closes: after a Ctrl-C the JVM ends as soon as it does.
        try (ShutdownGuard guard = new ShutdownGuard(err, "This run is not saved.")) {
            err.println("train: " + run.label() + " into " + dir + "; " + ThreadPolicy.describe());
            err.flush();
            r = runner.run(run, Terminal.progress(err, ""), guard);
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
