package ibinit.cli;

import ibinit.experiment.OutputFolder;
import ibinit.report.GridReportWriter;
import ibinit.report.RunFolders;
import ibinit.train.RunSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ibinit summarize DIR...}: the tables and plots of finished runs merged from several compare folders (e.g. shards). */
@Command(name = "summarize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Merge the finished runs of one or more `ibinit compare` output folders (the shards of a sweep, see "
                + "compare --shard) and write the tables and plots as compare does: OUT/" + GridReportWriter.SUMMARY_CSV + ", OUT/"
                + GridReportWriter.RUNS_CSV + ", OUT/" + GridReportWriter.SUMMARY_MD + ", OUT/" + GridReportWriter.PLOT
                + " and its SVG. Runs come in the order of the folders' grid.json, so the tables equal those of one process. "
                + "--methods and --arch keep a part of the grid (e.g. a plot of a few methods).",
                "Exit codes: 0 every cell of the grids finished, 1 some are missing (the tables cover those that finished), "
                        + "2 a mistake (a folder that is not compare's, two different results for one run)."})
final class SummarizeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Output folders of compare (each with grid.json and runs/).")
    List<Path> dirs;

    @Option(names = "--methods", paramLabel = "M1,M2,...", split = ",",
            description = "Only these methods (as the tables name them), in the tables and plots. Default: every one.")
    List<String> methods;

    @Option(names = "--arch", paramLabel = "A1,A2,...", split = ",",
            description = "Only these architectures, in the tables and plots. Default: every one.")
    List<String> archs;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder. Default: runs/summarize-<timestamp>.")
    Path out;

    @Override
    public Integer call() {
        RunFolders.Merged all = RunFolders.merge(dirs);
        named("--methods", methods, all.grid().stream().map(RunSpec::method));
        named("--arch", archs, all.grid().stream().map(RunSpec::arch));
        RunFolders.Merged m = methods == null && archs == null ? all
                : all.only(s -> (methods == null || methods.contains(s.method())) && (archs == null || archs.contains(s.arch())));
        if (m.results().isEmpty()) throw new IllegalArgumentException("no finished runs in " + dirs + (m == all ? "" : " among those chosen"));
        Path dir = OutputFolder.prepare(out != null ? out : OutputFolder.timestamped("summarize"));
        PrintWriter stdout = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        stdout.print(GridReportWriter.write(dir, m.results(), GridReportWriter.title(m.grid())));
        stdout.printf(Locale.ROOT, "%d runs of %d finished, from %d folder%s; tables and plots in %s%n", m.results().size(), m.grid().size(),
                dirs.size(), dirs.size() == 1 ? "" : "s", dir);
        stdout.flush();
        if (!m.missing().isEmpty()) {
            List<String> labels = m.missing().stream().map(RunSpec::label).toList();
            err.println("summarize: " + labels.size() + " cell" + (labels.size() == 1 ? "" : "s") + " not finished: "
                    + String.join(", ", labels.subList(0, Math.min(10, labels.size()))) + (labels.size() > 10 ? ", ..." : ""));
            err.flush();
            return 1;
        }
        return 0;
    }

    /** Every name given must be one the folders have: a typo would silently drop a row. */
    private static void named(String option, List<String> given, Stream<String> have) {
        if (given == null) return;
        Set<String> known = have.collect(Collectors.toCollection(LinkedHashSet::new));
        for (String g : given) {
            if (!known.contains(g)) throw new IllegalArgumentException(option + ": no " + g + " in these folders (they have " + String.join(", ", known) + ")");
        }
    }
}
