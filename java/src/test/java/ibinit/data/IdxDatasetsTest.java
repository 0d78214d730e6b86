package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetsTest {
    @TempDir Path dir;

    @Test
    void pairBecomesScaledDataset() throws IOException {
        Path img = dir.resolve("img.gz"), lab = dir.resolve("lab.gz");
        IdxFiles.writePair(img, lab, 40, 2, 3, 4, true);
        Dataset d = IdxDatasets.load(img, lab, 4, "toy", true);
        assertEquals(40, d.size());
        assertEquals(6, d.featureDim());
        assertArrayEquals(new int[] {1, 2, 3}, d.imageShape());
        assertArrayEquals(new int[] {10, 10, 10, 10}, d.classCounts());
        // image 39, pixel 5: (39*7 + 5) mod 256 = 22
        assertEquals(22 / 255f, d.features()[39 * 6 + 5]);
        Dataset raw = IdxDatasets.load(img, lab, 4, "toy", false);
        assertEquals(22f, raw.features()[39 * 6 + 5]);
    }

    @Test
    void labelCountMismatchNamesBothFiles() throws IOException {
        Path img = dir.resolve("t10k-images-idx3-ubyte.gz"), lab = dir.resolve("t10k-labels-idx1-ubyte.gz");
        IdxFiles.writePair(img, lab, 10, 2, 2, 2, true);
        IdxFiles.write(lab, IdxFiles.idx(new int[] {9}, new byte[9]), true);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxDatasets.load(img, lab, 2, "x", true));
        assertEquals(lab + ": 9 labels for 10 images in " + img, e.getMessage());
    }

    @Test
    void labelOutOfRangeIsNamed() throws IOException {
        Path img = dir.resolve("img"), lab = dir.resolve("lab");
        IdxFiles.writePair(img, lab, 3, 1, 1, 3, false);
        IdxFiles.write(lab, IdxFiles.idx(new int[] {3}, new byte[] {0, 11, 2}), false);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxDatasets.load(img, lab, 10, "x", true));
        assertEquals(lab + ": label 11 at index 1 is outside 0..9", e.getMessage());
    }

    @Test
    void swappedFilesAreCaughtByRank() throws IOException {
        Path img = dir.resolve("img"), lab = dir.resolve("lab");
        IdxFiles.writePair(img, lab, 3, 2, 2, 3, false);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxDatasets.load(lab, img, 3, "x", true));
        assertEquals(lab + ": expected a feature file with 2 to 4 dimensions (count x rows x cols and the like), found 3"
                + " (is this a label file?)",
                e.getMessage());
    }
}
