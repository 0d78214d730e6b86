package ibinit.init.scales;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** NIO's sub-batch ranges, worked out by hand from the formula for the paper's two settings and the edges. */
class SubBatchesTest {
    @Test
    void cifarSetting() {
        // B 128, D 2, r 0.6: L 64; B_0 = [0, floor(1.6 * 64) = 102), B_1 = [floor(0.4 * 64) = 25, 128).
        assertArrayEquals(new int[][] {{0, 102}, {25, 128}}, SubBatches.ranges(128, 2, 0.6));
        // r 0.8: [0, floor(1.8 * 64) = 115), [floor(0.2 * 64) = 12, 128).
        assertArrayEquals(new int[][] {{0, 115}, {12, 128}}, SubBatches.ranges(128, 2, 0.8));
    }

    @Test
    void imagenetSetting() {
        // B 64, D 4, r 0.2: L 16; B_0 = [0, 19), B_1 = [12, 38), B_2 = [25, 57), B_3 = [38, 64).
        assertArrayEquals(new int[][] {{0, 19}, {12, 38}, {25, 57}, {38, 64}}, SubBatches.ranges(64, 4, 0.2));
    }

    /** The disjoint regions NIO evaluates instead of overlapping sub-batches, and their weights. */
    @Test
    void regionsCutAtEveryBoundary() {
        int[][] sub = SubBatches.ranges(128, 2, 0.6);
        int[][] regions = Nio.regions(sub);
        assertArrayEquals(new int[][] {{0, 25}, {25, 102}, {102, 128}}, regions);
        double[][] w = Nio.regionWeights(regions, sub);
        assertArrayEquals(new double[] {25.0 / 102, 0}, w[0], 1e-15);
        assertArrayEquals(new double[] {77.0 / 102, 77.0 / 103}, w[1], 1e-15);
        assertArrayEquals(new double[] {0, 26.0 / 103}, w[2], 1e-15);
        assertArrayEquals(new int[][] {{0, 12}, {12, 19}, {19, 25}, {25, 38}, {38, 57}, {57, 64}},
                Nio.regions(SubBatches.ranges(64, 4, 0.2)));
    }

    @Test
    void noOverlapTilesTheBatchAndRemaindersGoLast() {
        assertArrayEquals(new int[][] {{0, 3}, {3, 6}, {6, 10}}, SubBatches.ranges(10, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> SubBatches.ranges(10, 3, 1.0));
        assertThrows(IllegalArgumentException.class, () -> SubBatches.ranges(2, 3, 0.5));
    }
}
