package ibinit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScheduleTest {
    @Test
    void constantKeepsTheBaseRate() {
        for (int e = 0; e < 5; e++) assertEquals(0.1, Schedule.CONSTANT.rate(0.1, e, 5));
    }

    @Test
    void stepMultipliesByGammaEveryStepSizeEpochs() {
        Schedule s = Schedule.step(2, 0.1);
        double[] expected = {1, 1, 0.1, 0.1, 0.01};
        for (int e = 0; e < 5; e++) assertEquals(expected[e], s.rate(1, e, 5), 1e-15, "epoch " + e);
    }

    @Test
    void cosineStartsAtTheBaseHalvesMidwayAndEndsAboveZero() {
        Schedule s = Schedule.cosine();
        assertEquals(0.2, s.rate(0.2, 0, 10), 1e-15);
        assertEquals(0.1, s.rate(0.2, 5, 10), 1e-15);
        // PyTorch CosineAnnealingLR(T_max=10) at epoch 9: 0.2 * (1 + cos(0.9 pi)) / 2
        assertEquals(0.2 * (1 + Math.cos(0.9 * Math.PI)) / 2, s.rate(0.2, 9, 10), 1e-15);
        assertTrue(s.rate(0.2, 9, 10) > 0);
        for (int e = 1; e < 10; e++) assertTrue(s.rate(0.2, e, 10) < s.rate(0.2, e - 1, 10), "decreasing at " + e);
    }

    @Test
    void badSettingsAreRejectedWithTheOptionName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedule.step(0, 0.5)).getMessage().contains("--step-size"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Schedule.step(3, 0)).getMessage().contains("--gamma"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Schedule("linear", 0, 1)).getMessage().contains("constant, step, cosine"));
        assertThrows(IllegalArgumentException.class, () -> Schedule.CONSTANT.rate(1, 5, 5));
    }
}
