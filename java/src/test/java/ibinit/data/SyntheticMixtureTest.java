package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticMixtureTest {
    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        DataSplit a = SyntheticMixture.generate(3, 5, 300, 90, 2.0, 11);
        DataSplit b = SyntheticMixture.generate(3, 5, 300, 90, 2.0, 11);
        DataSplit c = SyntheticMixture.generate(3, 5, 300, 90, 2.0, 12);
        assertArrayEquals(a.train().features(), b.train().features());
        assertArrayEquals(a.test().labels(), b.test().labels());
        assertFalse(Arrays.equals(a.train().features(), c.train().features()));
        assertFalse(Arrays.equals(a.train().features(), 0, 450, a.test().features(), 0, 450));
    }

    @Test
    void shapesAndBalancedLabels() {
        DataSplit s = SyntheticMixture.generate(4, 7, 1001, 40, 3.0, 0);
        assertEquals(1001, s.train().size());
        assertEquals(7, s.train().featureDim());
        assertNull(s.train().imageShape());
        assertArrayEquals(new int[] {251, 250, 250, 250}, s.train().classCounts());
        assertArrayEquals(new int[] {10, 10, 10, 10}, s.test().classCounts());
    }

    @Test
    void separationControlsHowSeparableClassesAre() {
        // Nearest-class-mean accuracy on the test set, means estimated on train: high when far apart, near chance at 0.
        assertTrue(nearestMeanAccuracy(SyntheticMixture.generate(5, 10, 2000, 1000, 6.0, 3)) > 0.97);
        assertTrue(nearestMeanAccuracy(SyntheticMixture.generate(5, 10, 2000, 1000, 0.0, 3)) < 0.3);
    }

    @Test
    void featuresBeyondFloat32AreRefusedNamingTheRow() {
        // a separation of 1e40 puts class means beyond the float32 range: every feature overflows
        var e = assertThrows(DatasetException.class,
                () -> SyntheticMixture.generate(3, 4, 30, 30, 1e40, 1));
        assertTrue(e.getMessage().contains("row ") && e.getMessage().contains("must be finite"), e.getMessage());
        float[] f = {1, 2, 3, Float.NaN};
        var d = assertThrows(DatasetException.class,
                () -> new Dataset("t", f, new int[] {0, 1}, 2, 2, null));
        assertTrue(d.getMessage().equals("t: row 1 (feature 1) is NaN; features must be finite float32 numbers"), d.getMessage());
    }

    @Test
    void rejectsDegenerateSizes() {
        assertThrows(DatasetException.class, () -> SyntheticMixture.generate(1, 5, 10, 10, 1, 0));
        assertThrows(DatasetException.class, () -> SyntheticMixture.generate(2, 5, 10, 10, -1, 0));
    }

    private static double nearestMeanAccuracy(DataSplit s) {
        int k = s.train().classes(), d = s.train().featureDim();
        double[][] mean = new double[k][d];
        int[] counts = s.train().classCounts();
        for (int i = 0; i < s.train().size(); i++) {
            for (int j = 0; j < d; j++) mean[s.train().labels()[i]][j] += s.train().features()[i * d + j] / (double) counts[s.train().labels()[i]];
        }
        int correct = 0;
        for (int i = 0; i < s.test().size(); i++) {
            int best = -1;
            double bestDist = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                double dist = 0;
                for (int j = 0; j < d; j++) dist += Math.pow(s.test().features()[i * d + j] - mean[c][j], 2);
                if (dist < bestDist) { bestDist = dist; best = c; }
            }
            if (best == s.test().labels()[i]) correct++;
        }
        return correct / (double) s.test().size();
    }
}
