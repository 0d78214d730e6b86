package ibinit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** N compare processes, one shard each, then summarize: the same summary.csv, byte for byte, as one process over the grid. */
@Timeout(600)
class ShardedCompareTest {
    static final String[] GRID = {"--methods", "kaiming-normal,xavier-uniform", "--arch", "4-8-3,4-6-3", "--seeds", "2"};
    @TempDir Path dir;

    @Test
    void shardsPlusSummarizeEqualOneProcess() throws Exception {
        Process whole = start(dir.resolve("whole.log"), "--out", dir.resolve("whole").toString());
        int n = 3;
        List<Process> shards = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shards.add(start(dir.resolve("shard-" + i + ".log"), "--shard", i + "/" + n, "--out", dir.resolve("shard-" + i).toString()));
        }
        assertEquals(0, whole.waitFor(), Files.readString(dir.resolve("whole.log")));
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            assertEquals(0, shards.get(i).waitFor(), Files.readString(dir.resolve("shard-" + i + ".log")));
            counts[i] = runFiles(dir.resolve("shard-" + i)).size();
            assertTrue(Files.notExists(dir.resolve("shard-" + i + "/summary.csv")), "a shard writes no partial tables");
        }
        assertArrayEquals(new int[] {3, 3, 2}, counts, "8 cells dealt round robin");
        // the shards ran in a temporary folder outside any git checkout: their results still name ibinit's build
        String result = Files.readString(runFiles(dir.resolve("shard-0")).getFirst());
        assertTrue(result.contains("\"gitCommit\": \"" + ibinit.train.BuildInfo.current().commit() + "\""), result);

        CliRun partial = CliRun.of("summarize", dir.resolve("shard-0").toString(), dir.resolve("shard-2").toString(),
                "--out", dir.resolve("partial").toString());
        assertEquals(1, partial.exit(), partial.err());
        assertTrue(partial.err().startsWith("summarize: 3 cells not finished: "), partial.err());

        CliRun merged = CliRun.of("summarize", dir.resolve("shard-0").toString(), dir.resolve("shard-1").toString(),
                dir.resolve("shard-2").toString(), "--out", dir.resolve("merged").toString());
        assertEquals(0, merged.exit(), merged.err());
        assertTrue(merged.out().contains("8 runs of 8 finished, from 3 folders"), merged.out());
        byte[] expected = Files.readAllBytes(dir.resolve("whole/summary.csv"));
        assertEquals(5, new String(expected).lines().count(), "a header and four method x architecture rows");
        assertArrayEquals(expected, Files.readAllBytes(dir.resolve("merged/summary.csv")), "summary.csv byte for byte");
        assertEquals(Files.readString(dir.resolve("whole/summary.md")), Files.readString(dir.resolve("merged/summary.md")));
        assertTrue(Files.isRegularFile(dir.resolve("merged/test-error.png")) && Files.isRegularFile(dir.resolve("merged/test-error.svg")));

        // a part of the grid: its rows of the whole summary, and its cells alone counted
        String[] shardDirs = {dir.resolve("shard-0").toString(), dir.resolve("shard-1").toString(), dir.resolve("shard-2").toString()};
        CliRun part = CliRun.of(concat(shardDirs, "--methods", "xavier-uniform", "--arch", "4-6-3", "--out", dir.resolve("part").toString()));
        assertEquals(0, part.exit(), part.err());
        assertTrue(part.out().contains("2 runs of 2 finished"), part.out());
        List<String> wholeRows = Files.readAllLines(dir.resolve("whole/summary.csv"));
        assertEquals(List.of(wholeRows.getFirst(), wholeRows.stream().filter(l -> l.startsWith("xavier-uniform,4-6-3,")).findFirst().orElseThrow()),
                Files.readAllLines(dir.resolve("part/summary.csv")));
        CliRun typo = CliRun.of(concat(shardDirs, "--methods", "xavier", "--out", dir.resolve("typo").toString()));
        assertEquals(2, typo.exit());
        assertEquals("ibinit: --methods: no xavier in these folders (they have kaiming-normal, xavier-uniform)", typo.err().strip());
    }

    private static String[] concat(String[] dirs, String... options) {
        List<String> all = new ArrayList<>(List.of("summarize"));
        all.addAll(List.of(dirs));
        all.addAll(List.of(options));
        return all.toArray(String[]::new);
    }

    @Test
    void aBadShardIsOneLine() {
        CliRun r = CliRun.of(TrainCommandTest.args("compare", "--shard", "3/3", "--out", dir.toString()));
        assertEquals(2, r.exit());
        assertEquals("ibinit: --shard must be I/N with 0 <= I < N, got 3/3", r.err().strip());
        CliRun none = CliRun.of("summarize", dir.resolve("nothing").toString());
        assertEquals(2, none.exit());
        assertEquals("ibinit: " + dir.resolve("nothing") + ": no such folder", none.err().strip());
    }

    /** {@code ibinit compare} in a JVM of its own, as a cluster's array task runs it. */
    private static Process start(Path log, String... more) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(TrainCommandTest.args("compare", GRID)));
        cmd.addAll(List.of(more));
        // started in the test's temporary folder, as a user running ibinit from a folder of their own
        return new ProcessBuilder(cmd).directory(log.getParent().toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static List<Path> runFiles(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("runs"))) {
            return s.filter(p -> p.toString().endsWith(".json")).toList();
        }
    }
}
