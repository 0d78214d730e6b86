package ibinit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fast end-to-end checks that training learns on real data, through the CLI on the best backend:
 * 784-100-10 reaches 80% test accuracy on Fashion-MNIST in one epoch and 90% on the MNIST split
 * (8,000 / 2,000 of the MNIST test set) in three. Full-length reproductions are commands, not tests.
 */
class AccuracySanityTest {
    private static final Pattern MIN_ERROR = Pattern.compile("min test error: ([0-9.]+)% at epoch (\\d+)");

    @TempDir Path dir;

    private double minError(String... args) {
        MainTest.Result r = MainTest.run(args);
        assertEquals(0, r.code(), r.out() + r.err());
        Matcher m = MIN_ERROR.matcher(r.out());
        assertTrue(m.find(), r.out());
        return Double.parseDouble(m.group(1));
    }

    @Test
    void fashionMnistReaches80PercentInOneEpoch() {
        assumeTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")), "Fashion-MNIST not installed");
        double error = minError("train", "--dataset", "fashion-mnist", "--arch", "784-100-10", "--init", "kaiming-normal",
                "--epochs", "1", "--batch", "100", "--lr", "0.1", "--seed", "1", "--out", dir.resolve("fashion").toString());
        assertTrue(error <= 20.0, "test error after one epoch: " + error + "%");
    }

    @Test
    void mnistSplitReaches90PercentInThreeEpochs() {
        Path mnist = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null && mnist == null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("shared/data/mnist/t10k-images-idx3-ubyte.gz"))) mnist = d.resolve("shared/data/mnist");
        }
        assumeTrue(mnist != null, "shared/data/mnist not found beside the checkout");
        double error = minError("train", "--dataset", "mnist", "--data-dir", mnist.toString(), "--arch", "784-100-10",
                "--init", "kaiming-normal", "--epochs", "3", "--batch", "100", "--lr", "0.1", "--seed", "1",
                "--out", dir.resolve("mnist").toString());
        assertTrue(error <= 10.0, "test error after three epochs: " + error + "%");
    }
}
