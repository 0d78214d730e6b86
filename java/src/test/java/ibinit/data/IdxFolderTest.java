package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code idx:DIR}: MNIST-named IDX files of bytes or float32, with or without a test pair. */
class IdxFolderTest {
    @TempDir Path dir;

    @Test
    void byteImagesWithTestFiles() throws IOException {
        IdxFiles.writePair(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"), 12, 2, 3, 4, true);
        IdxFiles.writePair(dir.resolve("t10k-images-idx3-ubyte"), dir.resolve("t10k-labels-idx1-ubyte"), 8, 2, 3, 4, false);
        DataSplit s = Datasets.load("idx:" + dir, DataOptions.defaults());
        assertEquals(12, s.train().size());
        assertEquals(8, s.test().size());
        assertEquals(4, s.train().classes());
        assertArrayEquals(new int[] {1, 2, 3}, s.train().imageShape());
        assertEquals((11 * 7 + 5) / 255f, s.train().features()[11 * 6 + 5]);
    }

    @Test
    void float32FeaturesWithoutTestFilesAreSplit() throws IOException {
        float[] v = new float[10 * 3];
        for (int i = 0; i < v.length; i++) v[i] = i * 0.5f - 3;
        byte[] y = new byte[10];
        for (int i = 0; i < 10; i++) y[i] = (byte) (i % 2);
        IdxFiles.write(dir.resolve("train-images.idx"), IdxFiles.idxFloat(new int[] {10, 3}, v), false);
        IdxFiles.write(dir.resolve("train-labels.idx"), IdxFiles.idx(new int[] {10}, y), false);
        DataSplit s = Datasets.load("idx:" + dir, DataOptions.of("testSize", "4"));
        assertEquals(6, s.train().size());
        assertEquals(4, s.test().size());
        assertEquals(3, s.train().featureDim());
        assertEquals(null, s.train().imageShape());
        for (int r = 0; r < s.test().size(); r++) {
            float first = s.test().row(r)[0];
            int i = Math.round((first + 3) / 1.5f);
            assertEquals(i % 2, s.test().labels()[r], "row keeps its label");
        }
    }

    @Test
    void faultsNameTheFile() throws IOException {
        assertEquals(dir + ": no train-images* file; an IDX folder holds train-images*, train-labels* and optionally t10k-images*,"
                + " t10k-labels*", message("idx:" + dir));
        Path img = dir.resolve("train-images"), lab = dir.resolve("train-labels");
        IdxFiles.writePair(img, lab, 5, 2, 2, 2, false);
        IdxFiles.write(lab, IdxFiles.idx(new int[] {4}, new byte[4]), false);
        assertEquals(lab + ": 4 labels for 5 images in " + img, message("idx:" + dir));
        IdxFiles.write(lab, IdxFiles.idxFloat(new int[] {5}, new float[5]), false);
        assertEquals(lab + ": expected a label file of unsigned bytes with 1 dimension (count), found float32 5", message("idx:" + dir));
        Files.write(img, new byte[] {0, 0, 8, 2, 0, 0, 0, 5, 0, 0, 0, 4, 1, 2});
        assertEquals(img + ": truncated: header promises 5x4 = 20 bytes, found 2", message("idx:" + dir));
        Files.writeString(dir.resolve("t10k-images"), "");
        assertEquals(dir.resolve("t10k-images") + ": a test feature file without its label file in " + dir, message("idx:" + dir));
    }

    static String message(String name) {
        return assertThrows(DatasetException.class, () -> Datasets.load(name, DataOptions.defaults())).getMessage();
    }
}
