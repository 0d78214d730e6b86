package ibinit.info.plane;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.data.Dataset;
import ibinit.data.TwelveBitTask;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The 12-bit task as its javadoc and the README document it: deterministic, 4096 distinct patterns, 2036 in class 1, an 80/20 split. */
class TwelveBitTaskTest {
    @Test
    void generatorIsDeterministicAndBalancedAsDocumented() {
        TwelveBitTask a = TwelveBitTask.generate(1), b = TwelveBitTask.generate(1), c = TwelveBitTask.generate(2);
        assertArrayEquals(a.all().labels(), b.all().labels());
        assertArrayEquals(a.split().train().features(), b.split().train().features());
        assertEquals(2036, a.positives()); // 49.7% for every seed: the seed only relabels the vertices
        assertEquals(2036, c.positives());
        assertNotEquals(java.util.Arrays.toString(a.all().labels()), java.util.Arrays.toString(c.all().labels()));
        assertTrue(a.split().description().contains("2036 (49.7%)"), a.split().description());

        Dataset all = a.all();
        assertEquals(4096, all.size());
        assertEquals(12, all.featureDim());
        Set<String> patterns = new HashSet<>();
        for (int i = 0; i < all.size(); i++) patterns.add(java.util.Arrays.toString(all.row(i)));
        assertEquals(4096, patterns.size());
        for (float v : all.features()) assertTrue(v == 0f || v == 1f);

        assertEquals(3276, a.split().train().size());
        assertEquals(820, a.split().test().size());
        Set<String> train = new HashSet<>();
        for (int i = 0; i < a.split().train().size(); i++) train.add(java.util.Arrays.toString(a.split().train().row(i)));
        for (int i = 0; i < a.split().test().size(); i++) assertTrue(!train.contains(java.util.Arrays.toString(a.split().test().row(i))));
    }

    @Test
    void labelIsTheThresholdedIcosahedronSum() {
        // pattern 0 (no vertex) has f = 0: class 0; all twelve vertices sum to 0 too
        Dataset all = TwelveBitTask.generate(5).all();
        assertEquals(0, all.labels()[0]);
        assertEquals(0, all.labels()[4095]);
        // a single vertex has f = 1 < 2.55: class 0, whichever vertex the seed put the bit on
        for (int j = 0; j < 12; j++) assertEquals(0, all.labels()[1 << j]);
    }
}
