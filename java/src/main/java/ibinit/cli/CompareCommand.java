package ibinit.cli;

import ibinit.report.AtomicFiles;
import ibinit.report.GridReportWriter;
import ibinit.report.Json;
import ibinit.report.JsonRunStore;
import ibinit.experiment.ExperimentSpec;
import ibinit.experiment.SupervisedTraining;
import ibinit.train.Grid;
import ibinit.train.GridListener;
import ibinit.train.GridOutcome;
import ibinit.train.LocalExecutor;
import ibinit.train.RunResult;
import ibinit.train.RunSpec;
import ibinit.train.Trainer;
import ibinit.train.TrainingListener;
import ibinit.train.TrainingOutcome;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ibinit compare}: a grid of methods x architectures x seeds, each cell a self-contained
 * {@link RunSpec} run by the local executor; prints the Table 1-style summary and writes one JSON
 * per run, summary CSV and Markdown, and the test-error plot to --out.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare initialization methods: train every method x architecture x seed and print, per method and "
                + "architecture, the minimum test error as mean ± std over seeds with the mean epoch of the minimum in parentheses.",
                "Writes OUT/grid.json (the run descriptions), OUT/runs/<run>.json per finished run, OUT/" + GridReportWriter.SUMMARY_CSV + ", OUT/"
                        + GridReportWriter.RUNS_CSV + ", OUT/" + GridReportWriter.SUMMARY_MD + " and OUT/" + GridReportWriter.PLOT + ".",
                "Exit codes: 0 every run completed, 1 some diverged or failed, 2 a mistake in the options or the data, 130 interrupted."})
final class CompareCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--methods", paramLabel = "M1,M2,...",
            description = "Comma list of initialization methods, each NAME[:key=value,...] as --init of `ibinit train`; every method: "
                    + "${sys:" + Help.METHODS_PROPERTY + "}. Default: xavier-uniform,kaiming-normal,orthogonal,lsuv.")
    String methods = "xavier-uniform,kaiming-normal,orthogonal,lsuv";

    @Option(names = "--arch", paramLabel = "A1,A2,...",
            description = "Comma list of architectures. " + Help.ARCH + " Default: 784-100-10.")
    String archs = "784-100-10";

    @Option(names = "--seeds", paramLabel = "N|A..B|S1,S2,...",
            description = "Seeds of each cell: a count N (seeds 1..N), a range A..B, or a list. Default: 3.")
    String seeds = "3";

    @Option(names = "--jobs", paramLabel = "N",
            description = "Runs at a time. With N > 1 each run's backend uses 1 thread; with 1 the run uses every thread of the pool "
                    + "(-Dibinit.threads). Default: 1.")
    int jobs = 1;

    @Option(names = "--resume", description = "Continue a grid in --out: skip runs whose result JSON exists and matches their description.")
    boolean resume;

    @Mixin ExperimentOptions common;

    @Mixin TrainingOptions options;

    @Override
    public Integer call() {
        if (jobs < 1) throw new IllegalArgumentException("--jobs must be >= 1, got " + jobs);
        if (resume && common.out == null) throw new IllegalArgumentException("--resume needs the --out folder of the grid to continue");
        List<String> methodList = Grid.parseList("--methods", methods), archList = Grid.parseList("--arch", archs);
        ExperimentSpec e = common.experiment("fashion-mnist", archList.getFirst(), "relu", methodList.getFirst(), Math.max(1, options.batch), 0);
        RunSpec base = new RunSpec(e.data().dataset(), e.data().options(), "0-0", e.network().activation(), e.network().leakySlope(), "none",
                e.init().bias(), e.init().sample(), options.optimizerSpec(), options.scheduleSpec(), options.epochs, options.batch, options.clip,
                0, e.backend());
        List<RunSpec> grid = Grid.of(base, methodList, archList, Grid.parseSeeds(seeds));
        SupervisedTraining training = new SupervisedTraining();
        Set<String> checked = new HashSet<>();
        for (RunSpec r : grid) if (checked.add(r.init() + " " + r.arch())) training.check(r); // loads the data once, too
        if (!resume && common.out != null && Files.isDirectory(common.out.resolve("runs"))) {
            throw new IllegalArgumentException("--out " + common.out + " already holds runs; add --resume to continue that grid or choose another folder");
        }
        Path dir = common.outputFolder("compare");
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        AtomicFiles.write(dir.resolve("grid.json"), Json.write(grid));
        LocalExecutor executor = new LocalExecutor(training, new JsonRunStore(dir), jobs);
        err.println("compare: " + grid.size() + " runs (" + methods + " x " + archs + " x seeds " + seeds + ") into " + dir
                + "; " + executor.policy());
        err.flush();
        GridOutcome outcome;
        // Everything is written and printed before the guard closes: after a Ctrl-C the JVM ends as soon as it does.
        try (ShutdownGuard guard = new ShutdownGuard(err, "Finished runs are kept; continue with --resume --out " + dir)) {
            outcome = executor.execute(grid, new Lines(err, jobs), guard);
            if (!outcome.results().isEmpty()) stdout.print(GridReportWriter.write(dir, outcome.results(), title(grid)));
            int unfinished = grid.size() - outcome.results().size();
            stdout.printf(Locale.ROOT, "%d runs: %d finished now, %d finished earlier%s; results in %s%n", grid.size(),
                    outcome.results().size() - outcome.skipped(), outcome.skipped(),
                    unfinished > 0 ? ", " + unfinished + " not finished (continue with --resume --out " + dir + ")" : "", dir);
            stdout.flush();
        }
        if (outcome.interrupted()) return 130;
        return outcome.results().stream().allMatch(r -> r.status() == ibinit.train.RunStatus.COMPLETED) ? 0 : 1;
    }

    private static String title(List<RunSpec> grid) {
        RunSpec first = grid.getFirst();
        long seeds = grid.stream().mapToLong(RunSpec::seed).distinct().count();
        String archs = String.join(", ", grid.stream().map(RunSpec::arch).distinct().toList());
        return first.dataset() + " " + archs + " (" + first.activation() + ", " + seeds + " seed" + (seeds == 1 ? "" : "s") + "): test error per epoch";
    }

    /** One line per run on standard error; a progress bar for the current run when runs go one at a time on a terminal. */
    private record Lines(PrintWriter err, int jobs) implements GridListener {
        @Override
        public void runSkipped(RunResult saved, int done, int total) {
            err.printf(Locale.ROOT, "[%d/%d] %s: finished earlier, %s%n", done, total, saved.run().label(), errorOf(saved));
            err.flush();
        }

        @Override
        public void runFinished(RunResult r, int done, int total) {
            err.printf(Locale.ROOT, "[%d/%d] %s: %s, min test error %s, %.1f s%n", done, total, r.run().label(), r.detail(), errorOf(r),
                    r.timings().totalSeconds());
            err.flush();
        }

        @Override
        public TrainingListener trainingListener(RunSpec spec, int index, int total) {
            // a bar only when runs go one at a time on a terminal; otherwise one labelled line per epoch
            return jobs == 1 && Terminal.stderrIsInteractive() ? new ProgressBar(err, spec.label() + " ", false)
                    : new EpochLines(err, spec.label() + " ", false);
        }

        private static String errorOf(RunResult r) {
            return Trainer.errorAtEpoch(new TrainingOutcome(r.status(), r.detail(), r.history(), r.bestError(), r.bestEpoch(), 0));
        }
    }
}
