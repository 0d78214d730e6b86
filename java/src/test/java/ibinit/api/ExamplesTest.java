package ibinit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The programs in examples/ compile against the library and run; the PyTorch half where python3 has torch. */
@Timeout(300)
class ExamplesTest {
    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    @TempDir Path dir;

    @Test
    void ibciFromArraysBeatsChanceBeforeTraining() throws Exception {
        String out = compileAndRun("ibci-from-arrays/IbciFromArrays.java", "IbciFromArrays");
        Matcher m = Pattern.compile("accuracy on the sample before training ([0-9.]+) % \\(Xavier start: ([0-9.]+) %, chance 25.0 %\\)")
                .matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Double.parseDouble(m.group(1)) > 40, "IBCI's elected output neurons separate the classes: " + out);
    }

    @Test
    void exportLoadsInPyTorch() throws Exception {
        Path export = dir.resolve("export");
        String out = compileAndRun("export-pytorch/ExportToPyTorch.java", "ExportToPyTorch", export.toString());
        assertTrue(out.contains("wrote " + export.resolve("mlp.safetensors")), out);
        assertEquals(10, Files.readAllLines(export.resolve("expected-scores.txt")).size());
        assumeTrue(pythonHasTorch(), "PyTorch half skipped: python3 with torch and safetensors is not installed here");
        Process p = new ProcessBuilder("python3", EXAMPLES.resolve("export-pytorch/load_in_pytorch.py").toString(), export.toString())
                .redirectErrorStream(true).start();
        String py = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), py);
        assertTrue(py.contains("PyTorch loaded"), py);
    }

    private String compileAndRun(String source, String mainClass, String... args) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes-" + mainClass));
        String cp = System.getProperty("java.class.path");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp", cp,
                EXAMPLES.resolve(source).toString());
        assertEquals(0, rc, "javac " + source);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", classes + File.pathSeparator + cp, mainClass));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static boolean pythonHasTorch() {
        try {
            return new ProcessBuilder("python3", "-c", "import torch, safetensors").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
