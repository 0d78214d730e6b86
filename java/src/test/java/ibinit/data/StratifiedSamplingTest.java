package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StratifiedSamplingTest {
    /** Unbalanced labels: class c has 100 * (c + 1) members, interleaved. */
    private static Dataset unbalanced() {
        int[] counts = {100, 200, 300, 400};
        int n = Arrays.stream(counts).sum();
        int[] y = new int[n];
        int at = 0;
        int[] left = counts.clone();
        while (at < n) for (int c = 0; c < 4; c++) if (left[c]-- > 0) y[at++] = c;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = i; // feature = original index, to track rows
        return new Dataset("u", x, y, 1, 4, null);
    }

    @Test
    void quotasFollowClassSharesExactly() {
        int[] picked = StratifiedSampling.pick(unbalanced().labels(), 4, 100, 5);
        int[] counts = new int[4];
        for (int i : picked) counts[unbalanced().labels()[i]]++;
        assertArrayEquals(new int[] {10, 20, 30, 40}, counts);
        assertTrue(isStrictlyAscending(picked));
    }

    @Test
    void largestRemainderKeepsTotalAndEachClassWithinOne() {
        // 7 of 1000 with shares .1 .2 .3 .4 -> exact .7 1.4 2.1 2.8 -> floors 0 1 2 2 (5), remainders go to .8 and .7
        int[] picked = StratifiedSampling.pick(unbalanced().labels(), 4, 7, 5);
        int[] counts = new int[4];
        for (int i : picked) counts[unbalanced().labels()[i]]++;
        assertArrayEquals(new int[] {1, 1, 2, 3}, counts);
    }

    @Test
    void fractionIsSeededAndStratified() {
        Dataset d = unbalanced();
        Dataset a = StratifiedSampling.fraction(d, 0.1, 1);
        assertEquals(100, a.size());
        assertArrayEquals(new int[] {10, 20, 30, 40}, a.classCounts());
        assertArrayEquals(a.features(), StratifiedSampling.fraction(d, 0.1, 1).features());
        assertFalse(Arrays.equals(a.features(), StratifiedSampling.fraction(d, 0.1, 2).features()));
        assertThrows(DatasetException.class, () -> StratifiedSampling.fraction(d, 0, 1));
        assertThrows(DatasetException.class, () -> StratifiedSampling.fraction(d, 1.5, 1));
    }

    @Test
    void splitPartitionsAllExamples() {
        Dataset d = unbalanced();
        DataSplit s = StratifiedSampling.split(d, 250, 3, "tr", "te", "desc");
        assertEquals(750, s.train().size());
        assertEquals(250, s.test().size());
        float[] all = new float[1000];
        System.arraycopy(s.train().features(), 0, all, 0, 750);
        System.arraycopy(s.test().features(), 0, all, 750, 250);
        Arrays.sort(all);
        for (int i = 0; i < 1000; i++) assertEquals(i, all[i]);
    }

    private static boolean isStrictlyAscending(int[] a) {
        for (int i = 1; i < a.length; i++) if (a[i] <= a[i - 1]) return false;
        return true;
    }
}
