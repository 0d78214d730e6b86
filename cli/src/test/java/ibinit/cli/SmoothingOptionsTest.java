package ibinit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.report.Json;
import ibinit.train.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --smoothing on train and compare, --protocol pairs, and what lands in the results. */
class SmoothingOptionsTest {
    @TempDir Path dir;

    private static final String CONV = "1x2x2-c2k1-c2k1-3";

    @Test
    void trainRecordsAndPrintsTheRadiiPerEpoch() throws Exception {
        CliRun r = CliRun.of(TrainCommandTest.args("train", "--arch", CONV, "--smoothing", "box:sigma=0.04,schedule=inv-sqrt",
                "--out", dir.toString()));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("epoch 2/2") && r.err().contains("radii 0,0.02828"), r.err());
        RunResult saved = onlyResult();
        assertEquals("box:sigma=0.04,k=1,estimator=mean,schedule=inv-sqrt", saved.run().smoothing());
        assertEquals(List.of(0.0, 0.04), saved.history().get(0).radii());
    }

    @Test
    void compareMixesProtocolsInOneGridAndResumes() throws Exception {
        String[] grid = {"--arch", CONV, "--seeds", "2", "--out", dir.toString(), "--protocol", "normal:std=0.01",
            "--protocol", "kaiming-normal", "--protocol", "normal:std=0.01+box:sigma=0.01,schedule=exp,factor=1/3,period=1",
            "--protocol", "normal:std=0.01+box:sigma=0.01,schedule=inv-sqrt"};
        CliRun r = CliRun.of(TrainCommandTest.args("compare", grid));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("8 runs: 8 finished now"), r.out());
        assertTrue(r.out().contains("normal:std=0.01 + box:sigma=0.01,k=1,estimator=mean,schedule=inv-sqrt"), r.out());
        assertEquals(5, Files.readAllLines(dir.resolve("summary.csv")).size(), "one row per protocol");
        CliRun again = CliRun.of(TrainCommandTest.args("compare", append(grid, "--resume")));
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("8 runs: 0 finished now, 8 finished earlier"), again.out());
    }

    @Test
    void aRunRepeatedAfterAnInterruptedGridIsBitForBitTheSame() throws Exception {
        // The grid's second run is deleted as if interrupted; --resume runs it again from its description alone.
        String[] grid = {"--methods", "normal:std=0.1", "--smoothing", "box:radius=0.05,k=2", "--arch", CONV, "--seeds", "2",
            "--out", dir.toString()};
        assertEquals(0, CliRun.of(TrainCommandTest.args("compare", grid)).exit());
        Path second;
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            second = runs.filter(p -> p.getFileName().toString().contains("_s2-")).findFirst().orElseThrow();
        }
        RunResult before = Json.read(Files.readString(second), RunResult.class);
        Files.delete(second);
        CliRun resumed = CliRun.of(TrainCommandTest.args("compare", append(grid, "--resume")));
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.out().contains("1 finished now, 1 finished earlier"), resumed.out());
        RunResult after = Json.read(Files.readString(second), RunResult.class);
        assertEquals(before.history().size(), after.history().size());
        for (int e = 0; e < before.history().size(); e++) {
            assertEquals(before.history().get(e).trainLoss(), after.history().get(e).trainLoss(), 0.0, "epoch " + (e + 1));
            assertEquals(before.history().get(e).testLoss(), after.history().get(e).testLoss(), 0.0, "epoch " + (e + 1));
        }
    }

    @Test
    void mistakesAreOneLineAndExitTwo() {
        for (String[] bad : new String[][] {{"--smoothing", "box:sigma=x"}, {"--smoothing", "box:layers=3,radius=0.1"},
            {"--smoothing", "gauss"}, {"--arch", "4-8-3", "--smoothing", "box"}}) {
            String[] a = bad[0].equals("--arch") ? bad : new String[] {"--arch", CONV, bad[0], bad[1]};
            CliRun r = CliRun.of(TrainCommandTest.args("train", append(a, "--out", dir.toString())));
            assertEquals(2, r.exit(), String.join(" ", bad) + ": " + r.err());
            assertTrue(r.err().startsWith("ibinit: ") && !r.err().contains("Exception"), r.err());
        }
        CliRun both = CliRun.of(TrainCommandTest.args("compare", "--arch", CONV, "--protocol", "he", "--methods", "he", "--out", dir.toString()));
        assertEquals(2, both.exit(), both.err());
    }

    private RunResult onlyResult() throws Exception {
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            return Json.read(Files.readString(runs.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow()), RunResult.class);
        }
    }

    private static String[] append(String[] a, String... more) {
        String[] all = new String[a.length + more.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(more, 0, all, a.length, more.length);
        return all;
    }
}
