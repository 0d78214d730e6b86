package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MNIST test set in shared/data/mnist, split into train and test because the training files are absent. */
class MnistTest {
    private static DataSplit load(long seed) {
        return Datasets.load("mnist", DataOptions.of("dataDir", TestData.mnistDir().toString(), "seed", Long.toString(seed)));
    }

    @Test
    void sharedCopyIsTheOriginalTestSet() {
        Path images = TestData.mnistDir().resolve("t10k-images-idx3-ubyte.gz");
        assertEquals(Checksum.md5("9fb629c4189551a2d022fa330f9573f3"), Checksum.of(images, Checksum.Algorithm.MD5));
    }

    @Test
    void splitsTestSetEightThousandTwoThousandStratified() {
        DataSplit s = load(0);
        assertEquals(8000, s.train().size());
        assertEquals(2000, s.test().size());
        assertTrue(s.description().contains("8000 train / 2000 test (not the standard 60000/10000 protocol)"), s.description());
        int[] all = new int[10], train = s.train().classCounts();
        for (int c = 0; c < 10; c++) all[c] = train[c] + s.test().classCounts()[c];
        for (int c = 0; c < 10; c++) {
            double shareAll = all[c] / 10000.0, shareTrain = train[c] / 8000.0;
            assertTrue(Math.abs(shareTrain - shareAll) <= 0.01 * shareAll, "class " + c + ": " + shareTrain + " vs " + shareAll);
        }
    }

    @Test
    void splitUsesEveryImageOnce() {
        DataSplit s = load(0);
        Map<Integer, Integer> seen = new HashMap<>();
        for (Dataset d : new Dataset[] {s.train(), s.test()}) {
            for (int i = 0; i < d.size(); i++) seen.merge(Arrays.hashCode(d.row(i)), 1, Integer::sum);
        }
        Dataset original = IdxDatasets.load(TestData.mnistDir().resolve("t10k-images-idx3-ubyte.gz"),
                TestData.mnistDir().resolve("t10k-labels-idx1-ubyte.gz"), 10, "all", true);
        for (int i = 0; i < original.size(); i++) seen.merge(Arrays.hashCode(original.row(i)), -1, Integer::sum);
        assertTrue(seen.values().stream().allMatch(v -> v == 0), "split rows differ from the original images");
    }

    @Test
    void splitIsFixedBySeed() {
        DataSplit a = load(1), b = load(1), c = load(2);
        assertTrue(Arrays.equals(a.test().features(), b.test().features()));
        assertTrue(Arrays.equals(a.train().labels(), b.train().labels()));
        assertFalse(Arrays.equals(a.test().features(), c.test().features()));
    }

    @Test
    void testSizeOptionChangesTheSplit() {
        DataSplit s = Datasets.load("mnist", DataOptions.of("dataDir", TestData.mnistDir().toString(), "testSize", "5000"));
        assertEquals(5000, s.train().size());
        assertEquals(5000, s.test().size());
    }
}
