package ibinit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir Path dir;

    private CliRun compare(String... more) {
        String[] grid = {"--methods", "kaiming-normal,xavier-uniform", "--arch", "4-8-3,4-6-3", "--seeds", "2", "--out", dir.toString()};
        String[] base = TrainCommandTest.args("compare", grid);
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CliRun.of(all);
    }

    @Test
    void tinyGridWritesEverythingPrintsTheTableAndResumes() throws Exception {
        CliRun r = compare("--jobs", "2");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().lines().toArray(String[]::new);
        assertTrue(lines[0].startsWith("method") && lines[0].contains("min test error % (epoch)"), r.out());
        long rows = r.out().lines().filter(l -> l.matches("(kaiming-normal|xavier-uniform)\\s+4-[86]-3\\s+\\d+\\.\\d\\d ± \\d+\\.\\d\\d \\(\\d\\.\\d\\)\\s+2")).count();
        assertEquals(4, rows, r.out());
        assertTrue(r.out().contains("8 runs: 8 finished now, 0 finished earlier"), r.out());
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            assertEquals(8, runs.filter(p -> p.toString().endsWith(".json")).count());
        }
        assertEquals(5, Files.readAllLines(dir.resolve("summary.csv")).size());
        assertEquals(9, Files.readAllLines(dir.resolve("runs.csv")).size());
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("| kaiming-normal | 4-8-3 |"));
        assertTrue(Files.readString(dir.resolve("grid.json")).contains("\"xavier-uniform\""));
        BufferedImage png = ImageIO.read(dir.resolve("test-error.png").toFile());
        assertTrue(png.getWidth() > 1000, "two architectures, two panels side by side: " + png.getWidth());
        assertTrue(Files.readString(dir.resolve("test-error.svg")).contains("<svg"), "the SVG beside the PNG");
        assertTrue(r.err().contains("2 runs at a time, 1 thread each"), r.err());

        String table = r.out().lines().filter(l -> l.startsWith("kaiming") || l.startsWith("xavier")).toList().toString();
        CliRun again = compare("--resume");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("8 runs: 0 finished now, 8 finished earlier"), again.out());
        assertEquals(table, again.out().lines().filter(l -> l.startsWith("kaiming") || l.startsWith("xavier")).toList().toString());

        CliRun clash = compare();
        assertEquals(2, clash.exit());
        assertTrue(clash.err().startsWith("ibinit: --out " + dir + " already holds runs"), clash.err());
    }

    @Test
    void anOutputFolderInUseIsOneLineWithExitTwoAndNothingWritten() throws Exception {
        try (var held = ibinit.report.OutputLock.acquire(dir, s -> { })) {
            CliRun r = compare();
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().startsWith("ibinit: output folder " + dir + " is in use by process " + ProcessHandle.current().pid()), r.err());
            assertTrue(!Files.exists(dir.resolve("grid.json")), "nothing written");
        }
        assertEquals(0, compare().exit(), "free again once released");
    }

    @Test
    void resumeRunsOnlyTheMissingCells() throws Exception {
        assertEquals(0, compare().exit());
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            Files.delete(runs.filter(p -> p.getFileName().toString().startsWith("xavier-uniform_4-6-3")).findFirst().orElseThrow());
        }
        CliRun r = compare("--resume");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("8 runs: 1 finished now, 7 finished earlier"), r.out());
    }

    /** The done-check in small: he, gradinit and nio on a residual net, with the learned scales in each run's JSON. */
    @Test
    void heGradInitAndNioOnAResidualNet() throws Exception {
        String[] a = TrainCommandTest.args("compare", "--methods", "he,gradinit:t=3,batch=16,nio:t=3,batch=16",
                "--arch", "1x4x4-c2k3p1-r2-r3s2-gap-3", "--seeds", "1", "--out", dir.toString()); // the default --init-sample (one batch) shrinks gradinit's batch
        for (int i = 0; i < a.length; i++) if (a[i].equals("dims=4")) a[i] = "dims=16";
        CliRun r = CliRun.of(a);
        assertEquals(0, r.exit(), r.err());
        assertEquals(3, r.out().lines().filter(l -> l.matches("(he|gradinit:.*|nio:.*)\\s+1x4x4-c2k3p1-r2-r3s2-gap-3\\s+.*")).count(), r.out());
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            String nio = Files.readString(runs.filter(p -> p.getFileName().toString().startsWith("nio")).findFirst().orElseThrow());
            assertTrue(nio.contains("\"bgc\"") && nio.contains("\"step\": 3") && nio.contains("\"layers.2.conv1.weight\""), nio);
        }
    }

    @Test
    void divergedCellIsReportedAndTheGridFinishes() {
        CliRun r = compare("--lr", "1e6");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("8 runs: 8 finished now"), r.out());
        assertTrue(r.out().contains("diverged"), r.out());
        assertTrue(r.err().contains("diverged at epoch 1 step"), r.err());
    }
}
