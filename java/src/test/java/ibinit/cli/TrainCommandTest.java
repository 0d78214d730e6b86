package ibinit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

class TrainCommandTest {
    static final String[] TINY = {"--dataset", "synthetic", "--data-option", "classes=3", "--data-option", "dims=4",
        "--data-option", "trainSize=120", "--data-option", "testSize=60", "--data-option", "separation=4",
        "--epochs", "2", "--batch", "16", "--backend", "java"};

    @TempDir Path dir;

    static String[] args(String command, String... more) {
        String[] a = new String[1 + TINY.length + more.length];
        a[0] = command;
        System.arraycopy(TINY, 0, a, 1, TINY.length);
        System.arraycopy(more, 0, a, 1 + TINY.length, more.length);
        return a;
    }

    @Test
    void helpExplainsEveryOption() {
        for (String command : List.of("train", "compare")) {
            CliRun r = CliRun.of(command, "--help");
            assertEquals(0, r.exit());
            var sub = Main.commandLine().getSubcommands().get(command).getCommandSpec();
            for (OptionSpec o : sub.options()) {
                assertTrue(r.out().contains(o.longestName()), command + " --help lacks " + o.longestName());
                assertTrue(o.description().length > 0 && !o.description()[0].isBlank(), o.longestName() + " has no description");
            }
            for (String must : List.of("--dataset", "--data-dir", "--train-fraction", "--arch", "--act", "--epochs", "--batch",
                    "--lr", "--momentum", "--nesterov", "--weight-decay", "--optimizer", "--schedule", "--step-size", "--gamma",
                    "--clip", "--backend", "--out")) {
                assertTrue(r.out().contains(must), command + " --help lacks " + must);
            }
        }
        assertTrue(CliRun.of("train", "--help").out().contains("--init="));
        assertTrue(CliRun.of("train", "--help").out().contains("--seed="));
        assertTrue(CliRun.of("compare", "--help").out().contains("--methods="));
        assertTrue(CliRun.of("compare", "--help").out().contains("--seeds="));
        assertTrue(CliRun.of("compare", "--help").out().contains("--jobs="));
        assertTrue(CliRun.of("compare", "--help").out().contains("--resume"));
    }

    @Test
    void badOptionsExitTwoWithOneLineAndNoUsage() {
        for (String[] bad : List.of(new String[] {"train", "--epochs", "many"}, new String[] {"train", "--schedule", "linear"},
                new String[] {"train", "--no-such-option"}, args("train", "--arch", "4-8-3", "--init", "bogus-init"),
                args("train", "--arch", "4-8-3", "--gamma", "0.5"), new String[] {"compare", "--seeds", "0"},
                new String[] {"compare", "--resume"}, args("train", "--arch", "5-8-3"))) {
            CliRun r = CliRun.of(bad);
            assertEquals(2, r.exit(), String.join(" ", bad) + "\n" + r.err());
            List<String> lines = r.err().lines().toList();
            assertTrue(lines.getFirst().startsWith("ibinit: "), r.err());
            assertTrue(lines.size() <= 3 && r.err().indexOf("Usage:") < 0, "no usage after the one line: " + r.err());
            assertTrue(r.out().isEmpty(), r.out());
        }
        assertTrue(CliRun.of(args("train", "--arch", "4-8-3", "--init", "bogus-init")).err().lines().findFirst().orElseThrow().contains("bogus-init"));
        assertTrue(CliRun.of(args("train", "--arch", "5-8-3")).err().contains("takes 5 inputs but the data have 4 features"));
    }

    @Test
    void missingDataFilesAreOneLineExitTwo() {
        CliRun r = CliRun.of("train", "--dataset", "fashion-mnist", "--data-dir", dir.resolve("nothing").toString(), "--backend", "java");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("ibinit: "), r.err());
    }

    @Test
    void unwritableOutputFolderIsOneLineExitTwo() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun r = CliRun.of(args("train", "--arch", "4-8-3", "--out", file.resolve("sub").toString()));
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("ibinit: cannot write")), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @Test
    void trainWritesResultAndPlotAndPrintsTheMinimum() throws Exception {
        CliRun r = CliRun.of(args("train", "--arch", "4-8-3", "--out", dir.toString(), "--seed", "4", "--lr", "0.05"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s).*min test error: \\d+\\.\\d\\d% at epoch [12].*"), r.out());
        assertTrue(r.err().contains("epoch 2/2"), "per-epoch lines on stderr: " + r.err());
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            Path json = runs.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
            String text = Files.readString(json);
            assertTrue(text.contains("\"seed\": 4") && text.contains("\"history\"") && text.contains("\"gitCommit\""), text);
        }
        assertTrue(Files.size(dir.resolve("test-error.png")) > 1000);
    }

    @Test
    void divergingRunExitsOneAndSaysWhere() throws Exception {
        CliRun r = CliRun.of(args("train", "--arch", "4-8-3", "--out", dir.toString(), "--lr", "1e6"));
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("diverged at epoch 1 step"), r.out());
        try (Stream<Path> files = Files.walk(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "no temporary files");
        }
    }
}
