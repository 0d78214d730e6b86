package ibinit.info.plane;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EpochScheduleTest {
    @Test
    void logSpacedEpochsStartAtZeroEndAtTheLastAndGrowGeometrically() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 6, 10, 18, 32, 56, 100}, EpochSchedule.logSpaced(100, 4).epochs());
        assertArrayEquals(new int[] {0, 1, 10, 100, 1000, 2500}, EpochSchedule.logSpaced(2500, 1).epochs());
        assertArrayEquals(new int[] {0, 1}, EpochSchedule.logSpaced(1, 8).epochs());
        int[] e = EpochSchedule.logSpaced(10000, 8).epochs();
        for (int i = 3; i < e.length - 1; i++) {
            double ratio = (double) e[i + 1] / e[i];
            assertTrue(ratio > 1.1 && ratio < 1.6, "step " + e[i] + " -> " + e[i + 1]);
        }
    }

    @Test
    void listsAndLogSpecsParse() {
        EpochSchedule s = EpochSchedule.parse("0,1,2,3,5,8,13,21", 10);
        assertArrayEquals(new int[] {0, 1, 2, 3, 5, 8}, s.epochs()); // epochs past the last are dropped
        assertTrue(s.contains(5));
        assertFalse(s.contains(4));
        assertArrayEquals(EpochSchedule.logSpaced(50, 3).epochs(), EpochSchedule.parse("log:3", 50).epochs());
        assertThrows(IllegalArgumentException.class, () -> EpochSchedule.parse("often", 10));
        assertThrows(IllegalArgumentException.class, () -> EpochSchedule.parse("20,30", 10));
        assertThrows(IllegalArgumentException.class, () -> EpochSchedule.parse("log:0", 10));
    }
}
