package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
    @Test
    void loadsStandardSplitScaledToUnit() {
        Path dir = TestData.fashionMnistDir();
        DataSplit s = Datasets.load("fashion-mnist", DataOptions.of(DataOptions.DATA_DIR, dir.toString()));
        assertEquals(60000, s.train().size());
        assertEquals(10000, s.test().size());
        assertEquals(10, s.train().classes());
        assertArrayEquals(new int[] {1, 28, 28}, s.train().imageShape());
        // Fashion-MNIST is balanced: 6000 / 1000 per class.
        for (int c : s.train().classCounts()) assertEquals(6000, c);
        for (int c : s.test().classCounts()) assertEquals(1000, c);
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float v : s.train().features()) { min = Math.min(min, v); max = Math.max(max, v); }
        assertEquals(0f, min);
        assertEquals(1f, max);
        assertTrue(s.description().contains("standard split 60000 train / 10000 test"), s.description());
    }

    @Test
    void onePercentRunIsStratified() {
        DataSplit s = Datasets.load("fashion-mnist", DataOptions.of("dataDir", TestData.fashionMnistDir().toString(),
                "fraction", "0.01", "seed", "5"));
        assertEquals(600, s.train().size());
        for (int c : s.train().classCounts()) assertEquals(60, c);
        assertEquals(10000, s.test().size());
        assertTrue(s.description().contains("training fraction 0.01 kept: 600 of 60000"), s.description());
    }

    @Test
    void missingFilesSayHowToGetThem(@TempDir Path empty) {
        DatasetException e = assertThrows(DatasetException.class,
                () -> Datasets.load("fashion-mnist", DataOptions.of("dataDir", empty.toString())));
        assertTrue(e.getMessage().startsWith("fashion-mnist: missing train-images-idx3-ubyte[.gz]"), e.getMessage());
        assertTrue(e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());
    }
}
