package ibinit.report;

import ibinit.train.RunResult;
import ibinit.train.RunSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a grid's summary files into its output folder, each atomically: {@code summary.csv}
 * (one row per method x architecture), {@code runs.csv} (one row per run), {@code summary.md},
 * and {@code test-error.png} with {@code test-error.svg} beside it. Returns the console table.
 */
public final class GridReportWriter {
    public static final String SUMMARY_CSV = "summary.csv", RUNS_CSV = "runs.csv", SUMMARY_MD = "summary.md", PLOT = "test-error.png";

    private GridReportWriter() { }

    public static String write(Path outDir, List<RunResult> results, String title) {
        GridSummary s = GridSummary.of(results);
        AtomicFiles.write(outDir.resolve(SUMMARY_CSV), SummaryTables.csv(s));
        AtomicFiles.write(outDir.resolve(RUNS_CSV), SummaryTables.runsCsv(results));
        AtomicFiles.write(outDir.resolve(SUMMARY_MD), SummaryTables.markdown(s, title)
                + "\n![test error per epoch](" + PLOT + ")\n");
        ErrorCurvePlot.write(ErrorCurves.of(results), title, outDir.resolve(PLOT));
        return SummaryTables.console(s);
    }

    /** The plot's title for a grid: data set, architectures, activation, seeds. */
    public static String title(List<RunSpec> grid) {
        RunSpec first = grid.getFirst();
        long seeds = grid.stream().mapToLong(RunSpec::seed).distinct().count();
        String archs = String.join(", ", grid.stream().map(RunSpec::arch).distinct().toList());
        return first.dataset() + " " + archs + " (" + first.activation() + ", " + seeds + " seed" + (seeds == 1 ? "" : "s") + "): test error per epoch";
    }
}
