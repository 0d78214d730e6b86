package ibinit.train.smoothing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.nn.Architecture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Protocol strings, and the radii per layer and epoch against the formulas written out by hand. */
class SmoothingTest {
    private static final Architecture PAPER_NET = Architecture.parse("1x28x28-c1k3-c1k3-c1k3-c1k3-10");
    private static final Architecture MLP = Architecture.parse("784-784-784-784-784-10");

    @Test
    void defaultsAreThePapersBoxKernel() {
        Smoothing s = Smoothing.parse("box");
        assertTrue(s.enabled());
        assertEquals(Estimator.MEAN, s.estimator());
        assertEquals(1, s.points());
        assertEquals(0.01, s.sigma());
        assertEquals("constant", s.schedule().kind());
        assertEquals(List.of(1, 2, 3, 4), s.smoothedLayers(PAPER_NET), "every convolution, never the dense head");
        assertFalse(Smoothing.parse("none").enabled());
        assertFalse(Smoothing.parse("").enabled());
    }

    @Test
    void sigmaRuleGivesRadiiZeroSigmaTwoSigmaThreeSigma() {
        Smoothing s = Smoothing.parse("box:sigma=0.01");
        double[] r = s.radiiAt(7, 4);
        double[] want = {0 * 0.01, 1 * 0.01, 2 * 0.01, 3 * 0.01};
        assertArrayEquals(want, r, 0.0);
    }

    @Test
    void constantExponentialAndInverseSqrtSchedulesPerEpoch() {
        Smoothing c = Smoothing.parse("box:sigma=0.02,schedule=constant");
        Smoothing e = Smoothing.parse("box:sigma=0.02,schedule=exp,factor=1/3,period=10");
        Smoothing q = Smoothing.parse("box:sigma=0.02,schedule=inv-sqrt");
        for (int t = 1; t <= 120; t++) {
            for (int i = 1; i <= 4; i++) {
                double base = (i - 1) * 0.02;
                assertEquals(base, c.radiiAt(t, 4)[i - 1], 0.0, "constant, epoch " + t);
                assertEquals(base * Math.pow(1.0 / 3, Math.floor((t - 1) / 10.0)), e.radiiAt(t, 4)[i - 1], 1e-15, "exp, epoch " + t);
                assertEquals(base / Math.sqrt(t), q.radiiAt(t, 4)[i - 1], 1e-15, "inv-sqrt, epoch " + t);
            }
        }
        // spot values: epochs 1-10 keep the base, 11-20 a third, 21 a ninth
        assertEquals(0.06, e.radiiAt(10, 4)[3], 1e-15);
        assertEquals(0.02, e.radiiAt(11, 4)[3], 1e-15);
        assertEquals(0.06 / 9, e.radiiAt(21, 4)[3], 1e-15);
        assertEquals(0.03, q.radiiAt(4, 4)[3], 1e-15);
    }

    @Test
    void explicitRadiiAndDenseLayersByIndex() {
        Smoothing one = Smoothing.parse("box:layers=3,radius=0.01");
        assertEquals(List.of(3), one.smoothedLayers(MLP));
        assertArrayEquals(new double[] {0.01}, one.radiiAt(1, 1), 0.0);
        Smoothing list = Smoothing.parse("box:layers=1;2,radii=0.1;0.2,schedule=inv-sqrt");
        assertArrayEquals(new double[] {0.05, 0.1}, list.radiiAt(4, 2), 1e-15);
    }

    @Test
    void canonicalTextParsesBackToTheSameProtocol() {
        for (String t : List.of("box", "box:sigma=0.01,schedule=exp", "box:layers=2;4,radii=0.1;0.3,k=3,estimator=sample",
                "box:estimator=entropy-sgd,inner=5,gamma=0.001,schedule=inv-sqrt", "none")) {
            Smoothing s = Smoothing.parse(t);
            assertEquals(s, Smoothing.parse(s.text()), t + " -> " + s.text());
        }
    }

    @Test
    void theHeadAndImpossibleLayersAreRefusedWithClearMessages() {
        IllegalArgumentException head = assertThrows(IllegalArgumentException.class, () -> Smoothing.parse("box:layers=5,radius=0.1").smoothedLayers(PAPER_NET));
        assertTrue(head.getMessage().contains("last layer"), head.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Smoothing.parse("box:layers=9,radius=0.1").smoothedLayers(PAPER_NET));
        IllegalArgumentException noConv = assertThrows(IllegalArgumentException.class, () -> Smoothing.parse("box").smoothedLayers(MLP));
        assertTrue(noConv.getMessage().contains("no convolution"), noConv.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Smoothing.parse("box:layers=1;2,radii=0.1;0.2;0.3").smoothedLayers(MLP));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.parse("box:sigma=0.1,radius=0.2"));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.parse("box:factor=0.5"));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.parse("box:k=0"));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.parse("box:inner=3"));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.parse("box:schedule=linear"));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.parse("gauss:sigma=1"));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.parse("box:colour=red"));
    }
}
