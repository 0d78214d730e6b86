package ibinit.init.scales;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** RescaleAdam's moments, bias corrections, clipping and floor, against the update written out by hand. */
class RescaleAdamTest {
    @Test
    void separateFirstMomentsSharedSecondMoment() {
        RescaleAdam adam = new RescaleAdam(0.1, new double[] {0.01});
        double[] s = {1};
        boolean[] on = {true};
        adam.step(s, new double[] {0.5}, on, true); // constraint step 1
        assertEquals(0.05, adam.constraintMoment(0), 1e-15);
        assertEquals(0, adam.objectiveMoment(0));
        assertEquals(0.001 * 0.25, adam.secondMoment(0), 1e-15);
        // First Adam step: m / c1 = 0.5 and sqrt(v / c2) = 0.5, so s moves by lr (up to eps).
        assertEquals(1 - 0.1 * 0.5 / (0.5 + 1e-8), s[0], 1e-12);

        double before = s[0];
        adam.step(s, new double[] {-3}, on, false); // objective step 1: clipped to -1
        assertEquals(0.05, adam.constraintMoment(0), 1e-15, "the constraint moment is untouched");
        assertEquals(-0.1, adam.objectiveMoment(0), 1e-15);
        double v = 0.999 * 0.001 * 0.25 + 0.001 * 1.0;
        assertEquals(v, adam.secondMoment(0), 1e-15, "one second moment for both kinds");
        double c1 = 1 - 0.9, c2 = 1 - 0.999 * 0.999; // own first-moment count 1, shared count 2
        assertEquals(before - 0.1 / c1 * -0.1 / (Math.sqrt(v / c2) + 1e-8), s[0], 1e-12);

        adam.step(s, new double[] {0.2}, on, true); // constraint step 2 continues its own moment
        assertEquals(0.9 * 0.05 + 0.1 * 0.2, adam.constraintMoment(0), 1e-15);
        assertEquals(-0.1, adam.objectiveMoment(0), 1e-15);
    }

    @Test
    void neverBelowTheFloorAndInactiveScalesStay() {
        RescaleAdam adam = new RescaleAdam(0.5, new double[] {0.01, 0, 0.01});
        double[] s = {1, 1, 1};
        for (int t = 0; t < 50; t++) {
            adam.step(s, new double[] {1, 1, 1}, new boolean[] {true, true, false}, t % 3 == 0);
            assertEquals(true, s[0] >= 0.01 && s[1] >= 0, "step " + t);
        }
        assertEquals(0.01, s[0], 0, "weights stop at s_min");
        assertEquals(0, s[1], 0, "biases stop at 0");
        assertEquals(1, s[2], 0, "a tensor left alone keeps scale 1");
    }
}
