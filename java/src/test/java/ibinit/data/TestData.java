package ibinit.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the real data sets are on a test machine; tests needing them are skipped where they are absent. */
final class TestData {
    static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    private TestData() { }

    static Path fashionMnistDir() {
        assumeTrue(Files.isDirectory(FASHION), "Fashion-MNIST not installed (Debian package dataset-fashion-mnist)");
        return FASHION;
    }

    /**
     * The MNIST test-set folder: system property {@code ibinit.test.mnist}, else {@code shared/data/mnist}
     * found walking up from the working directory (shared/ sits beside the checkout).
     */
    static Path mnistDir() {
        String property = System.getProperty("ibinit.test.mnist");
        if (property != null) {
            Path p = Path.of(property);
            if (!Files.isDirectory(p)) throw new IllegalStateException("-Dibinit.test.mnist=" + p + " is not a folder");
            return p;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/mnist");
            if (Files.isRegularFile(candidate.resolve("t10k-images-idx3-ubyte.gz"))) return candidate;
        }
        assumeTrue(false, "shared/data/mnist not found above " + Path.of("").toAbsolutePath() + " (set -Dibinit.test.mnist)");
        return null;
    }
}
