package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class StandardizationTest {
    // Two features: column 0 is 1, 3 (mean 2, std 1); column 1 is constant 5.
    private final Dataset train = new Dataset("train", new float[] {1, 5, 3, 5}, new int[] {0, 1}, 2, 2, null);
    private final Dataset test = new Dataset("test", new float[] {4, 6}, new int[] {0}, 2, 2, null);

    @Test
    void perFeatureUsesTrainStatisticsOnTest() {
        Standardization s = Standardization.fit(train, Standardization.Mode.PER_FEATURE);
        assertArrayEquals(new float[] {2, 5}, s.mean());
        assertArrayEquals(new float[] {1, 1}, s.scale()); // constant column: scale 1, only centered
        assertArrayEquals(new float[] {-1, 0, 1, 0}, s.apply(train).features());
        assertArrayEquals(new float[] {2, 1}, s.apply(test).features());
    }

    @Test
    void globalUsesOneMeanAndStd() {
        // values 1 5 3 5: mean 3.5, population variance (6.25 + 2.25 + 0.25 + 2.25) / 4 = 2.75
        Standardization s = Standardization.fit(train, Standardization.Mode.GLOBAL);
        assertEquals(3.5f, s.mean()[0]);
        assertEquals((float) Math.sqrt(2.75), s.scale()[0], 1e-6f);
        assertEquals((4 - 3.5f) / (float) Math.sqrt(2.75), s.apply(test).features()[0], 1e-6f);
    }

    @Test
    void noneLeavesDataAlone() {
        assertSame(test, Standardization.fit(train, Standardization.Mode.NONE).apply(test));
        assertEquals(Standardization.Mode.PER_FEATURE, Standardization.Mode.parse("Per_Feature"));
    }
}
