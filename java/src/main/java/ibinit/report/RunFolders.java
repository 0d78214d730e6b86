package ibinit.report;

import ibinit.train.RunResult;
import ibinit.train.RunSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finished runs gathered from several output folders of {@code compare} (the shards of a sweep,
 * or grids run at different times): each folder's {@code grid.json} gives the cells in grid
 * order, each {@code runs/*.json} a result. The merged grid is the folders' grids in the order
 * given, each cell once; results come in that order, so the tables equal those of one process
 * that ran the whole grid. A result whose cell is in no grid.json follows, in file-name order. Two
 * finished results for one cell are an error unless they are identical apart from timings and
 * provenance, since averaging them would silently count a seed twice.
 */
public final class RunFolders {
    /** The merged grid, the finished results in its order, and the cells still missing. */
    public record Merged(List<RunSpec> grid, List<RunResult> results, List<RunSpec> missing) {
        /** Only the cells {@code keep} accepts: grid, results and missing alike, in the same order. */
        public Merged only(Predicate<RunSpec> keep) {
            return new Merged(grid.stream().filter(keep).toList(), results.stream().filter(r -> keep.test(r.run())).toList(),
                    missing.stream().filter(keep).toList());
        }
    }

    private RunFolders() { }

    public static Merged merge(List<Path> dirs) {
        if (dirs.isEmpty()) throw new IllegalArgumentException("no folder to summarize");
        Set<RunSpec> grid = new LinkedHashSet<>();
        Map<RunSpec, RunResult> found = new LinkedHashMap<>();
        Map<RunSpec, Path> foundIn = new LinkedHashMap<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + ": no such folder");
            Path gridFile = dir.resolve("grid.json");
            if (Files.isRegularFile(gridFile)) grid.addAll(Arrays.asList(Json.read(read(gridFile), RunSpec[].class)));
            Path runs = dir.resolve("runs");
            if (!Files.isDirectory(runs)) {
                if (!Files.isRegularFile(gridFile)) throw new IllegalArgumentException(dir + ": neither grid.json nor runs/ (not an output folder of compare)");
                continue;
            }
            for (Path f : jsonFiles(runs)) {
                RunResult r;
                try {
                    r = Json.read(read(f), RunResult.class);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(f + ": " + e.getMessage());
                }
                if (r.run() == null) throw new IllegalArgumentException(f + ": not a run result");
                if (!r.isFinal()) continue; // an interrupted run: not finished, so not counted
                RunResult earlier = found.get(r.run());
                if (earlier != null && !sameOutcome(earlier, r)) {
                    throw new IllegalArgumentException(f + " and a result in " + foundIn.get(r.run()) + " are the same run ("
                            + r.run().label() + ") with different outcomes; keep one of them");
                }
                if (earlier == null) {
                    found.put(r.run(), r);
                    foundIn.put(r.run(), f.getParent().getParent());
                }
            }
        }
        List<RunResult> results = new ArrayList<>();
        List<RunSpec> missing = new ArrayList<>();
        for (RunSpec s : grid) {
            RunResult r = found.remove(s);
            if (r != null) results.add(r);
            else missing.add(s);
        }
        results.addAll(found.values()); // runs of no known grid, in file order
        List<RunSpec> all = new ArrayList<>(grid);
        for (RunResult r : found.values()) all.add(r.run());
        return new Merged(List.copyOf(all), List.copyOf(results), List.copyOf(missing));
    }

    /** Same status, best error and per-epoch losses and errors (seconds may differ: the same run twice takes different times). */
    private static boolean sameOutcome(RunResult a, RunResult b) {
        if (a.status() != b.status() || Double.compare(a.bestError(), b.bestError()) != 0 || a.bestEpoch() != b.bestEpoch()
                || a.history().size() != b.history().size()) return false;
        for (int i = 0; i < a.history().size(); i++) {
            var x = a.history().get(i);
            var y = b.history().get(i);
            if (x.epoch() != y.epoch() || Double.compare(x.trainLoss(), y.trainLoss()) != 0 || Double.compare(x.testLoss(), y.testLoss()) != 0
                    || Double.compare(x.testError(), y.testError()) != 0) return false;
        }
        return true;
    }

    private static List<Path> jsonFiles(Path runs) {
        try (Stream<Path> files = Files.list(runs)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(runs + ": cannot list: " + e.getMessage());
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": cannot read: " + e.getMessage());
        }
    }
}
