package ibinit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.info.plane.InfoPlaneHistory;
import ibinit.report.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoPlaneCommandTest {
    @TempDir Path dir;

    @Test
    void writesWellFormedJsonAndPng() throws Exception {
        Path stem = dir.resolve("plane");
        CliRun r = CliRun.of("infoplane", "--task", "12bit", "--act", "tanh", "--epochs", "12", "--record-epochs", "log:4",
                "--backend", "java", "--out", stem.toString());
        assertEquals(0, r.exit(), r.err());
        InfoPlaneHistory h = Json.read(Files.readString(stem.resolve("infoplane.json")), InfoPlaneHistory.class);
        assertEquals(List.of(0, 1, 2, 3, 6, 10, 12), h.snapshots().stream().map(InfoPlaneHistory.Snapshot::epoch).toList());
        assertEquals(6, h.layers().size());
        assertEquals("bits", h.unit());
        assertEquals(12.0, h.inputEntropy(), 1e-9);
        assertTrue(h.status().startsWith("completed"), h.status());
        for (InfoPlaneHistory.Snapshot s : h.snapshots()) {
            assertEquals(6, s.ixt().length);
            for (int l = 0; l < 6; l++) assertTrue(s.ixt()[l] <= 12 + 1e-9 && s.ity()[l] <= h.labelEntropy() + 1e-9);
        }
        BufferedImage img = ImageIO.read(stem.resolve("infoplane.png").toFile());
        assertEquals(1000, img.getWidth());
        assertEquals(650, img.getHeight());
        assertTrue(r.out().contains("plot: "), r.out());
    }

    @Test
    void helpExplainsEveryOption() {
        for (String command : List.of("infoplane", "ib-train")) {
            CliRun r = CliRun.of(command, "--help");
            assertEquals(0, r.exit());
            for (picocli.CommandLine.Model.OptionSpec o : Main.commandLine().getSubcommands().get(command).getCommandSpec().options()) {
                assertTrue(r.out().contains(o.longestName()), command + " --help lacks " + o.longestName());
                assertTrue(o.description().length > 0 && !o.description()[0].isBlank(), o.longestName() + " has no description");
            }
        }
    }

    @Test
    void badOptionsExitTwoWithOneLine() {
        for (String[] bad : List.of(new String[] {"infoplane", "--task", "cifar"}, new String[] {"infoplane", "--estimator", "guess"},
                new String[] {"infoplane", "--record-epochs", "often"}, new String[] {"infoplane", "--bin-range", "wide"},
                new String[] {"infoplane", "--epochs", "0"}, new String[] {"ib-train", "--mode", "sideways"},
                new String[] {"ib-train", "--objective", "joy"}, new String[] {"ib-train", "--iterations", "0"},
                new String[] {"ib-train", "--resume"}, new String[] {"ib-train", "--critic-hidden", "0"})) {
            CliRun r = CliRun.of(bad);
            assertEquals(2, r.exit(), String.join(" ", bad) + ": " + r.err());
            String first = r.err().lines().findFirst().orElse("");
            assertTrue(first.startsWith("ibinit: ") && first.length() > 10, String.join(" ", bad) + " -> " + first);
        }
    }
}
