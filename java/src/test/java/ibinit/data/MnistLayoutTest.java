package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which MNIST files a folder holds decides the split; generated files stand in for the real ones. */
class MnistLayoutTest {
    @TempDir Path dir;

    @Test
    void fourFilesGiveTheStandardSplit() throws IOException {
        IdxFiles.writePair(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"), 60, 28, 28, 10, true);
        IdxFiles.writePair(dir.resolve("t10k-images-idx3-ubyte"), dir.resolve("t10k-labels-idx1-ubyte"), 20, 28, 28, 10, false);
        DataSplit s = Datasets.load("mnist", DataOptions.of("dataDir", dir.toString()));
        assertEquals(60, s.train().size());
        assertEquals(20, s.test().size());
        assertTrue(s.description().contains("standard split 60 train / 20 test"), s.description());
    }

    @Test
    void halfATrainingPairIsAnError() throws IOException {
        IdxFiles.writePair(dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"), 20, 2, 2, 10, true);
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), new byte[0]);
        assertThrows(DatasetException.class, () -> Datasets.load("mnist", DataOptions.of("dataDir", dir.toString())));
    }

    @Test
    void emptyFolderSaysHowToPointAtOne() {
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.load("mnist", DataOptions.of("dataDir", dir.toString())));
        assertTrue(e.getMessage().startsWith("mnist: " + dir + " does not hold the MNIST IDX files"), e.getMessage());
        assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());
        assertTrue(e.getMessage().contains("IBINIT_MNIST_DIR"), e.getMessage());
    }

    @Test
    void defaultFolderIsEnvThenHome() {
        assertEquals(Path.of("/data/m"), Mnist.defaultDir(Map.of("IBINIT_MNIST_DIR", "/data/m")::get, "/home/u"));
        assertEquals(Path.of("/home/u/.ibinit/data/mnist"), Mnist.defaultDir(k -> null, "/home/u"));
    }
}
