package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatasetsTest {
    @Test
    void unknownNameListsKnownOnes() {
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.load("cifar", DataOptions.defaults()));
        assertEquals("unknown data set 'cifar'; known: fashion-mnist, mnist, synthetic, 12bit", e.getMessage());
    }

    @Test
    void optionOfAnotherDatasetIsRejected() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> Datasets.load("synthetic", DataOptions.of("dataDir", "/tmp")));
        assertTrue(e.getMessage().startsWith("data set synthetic has no option 'dataDir'"), e.getMessage());
    }

    @Test
    void syntheticThroughRegistryIsDeterministic() {
        DataOptions o = DataOptions.of("classes", "3", "dims", "4", "trainSize", "60", "testSize", "30", "seed", "8");
        DataSplit a = Datasets.load("synthetic", o), b = Datasets.load("synthetic", o);
        assertArrayEquals(a.train().features(), b.train().features());
        assertEquals(4, a.train().featureDim());
        assertEquals(30, a.test().size());
    }

    @Test
    void standardizationUsesTrainStatisticsAfterTheFraction() {
        DataOptions o = DataOptions.of("trainSize", "2000", "testSize", "500", "fraction", "0.5", "standardize", "per-feature");
        DataSplit s = Datasets.load("synthetic", o);
        assertEquals(1000, s.train().size());
        int d = s.train().featureDim();
        for (int j = 0; j < d; j++) {
            double sum = 0, sumSq = 0;
            for (int i = 0; i < s.train().size(); i++) {
                double v = s.train().features()[i * d + j];
                sum += v;
                sumSq += v * v;
            }
            double mean = sum / s.train().size();
            assertEquals(0, mean, 1e-5);
            assertEquals(1, sumSq / s.train().size() - mean * mean, 1e-4);
        }
        assertTrue(s.description().contains("training fraction 0.5 kept: 1000 of 2000"), s.description());
        assertTrue(s.description().endsWith("standardized per-feature with training-set mean and std"), s.description());
    }
}
