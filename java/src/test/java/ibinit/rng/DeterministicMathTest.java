package ibinit.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The series log and cos: close to Math's, and bit-identical to the C code. */
class DeterministicMathTest {

    /** Inputs and result bits printed by the C program described in PhiloxTest. */
    @Test
    void matchesTheCCodeBitForBit() {
        double[] xs = {1.0, 0.5, 0x1.6a09e667f3bcdp-1, 0x1.cd2b297d889bcp-54, 0x1.fffffff768fa1p-1, 0x1.f9adbb8f8da72p-4, 0x1.49da7e361ce4cp-32};
        long[] logs = {0x0000000000000000L, 0xbfe62e42fefa39efL, 0xbfd62e42fefa39edL, 0xc0426bb1bbb55515L,
            0xbe112e0be024e4bcL, 0xc000bc239b9f4f3fL, 0xc035ed5f82f7da2aL};
        for (int i = 0; i < xs.length; i++) {
            assertEquals(logs[i], Double.doubleToRawLongBits(DeterministicMath.log(xs[i])), "log " + xs[i]);
        }
        double[] us = {0.0, 0x1.999999999999ap-4, 0.25, 0x1.554c985f06f69p-2, 0.5, 0x1.7ae147ae147aep-1, 0x1.fffeb074a771dp-1};
        long[] coss = {0x3ff0000000000000L, 0x3fe9e3779b97f4a8L, 0x8000000000000000L, 0xbfdffd073100b48bL,
            0xbff0000000000000L, 0xbfb0130a1be09388L, 0x3feffffffef0b4d5L};
        for (int i = 0; i < us.length; i++) {
            assertEquals(coss[i], Double.doubleToRawLongBits(DeterministicMath.cosTurn(us[i])), "cosTurn " + us[i]);
        }
    }

    @Test
    void logIsWithinAFewUlpOfMathLog() {
        SplittableRandom r = new SplittableRandom(20240601);
        for (int i = 0; i < 1_000_000; i++) {
            // The sampler's inputs: 53-bit uniforms in (0, 1], half of them pushed far towards 0.
            double x = Philox.u01dOpen0((int) r.nextLong(), (int) r.nextLong());
            if (i % 2 == 1) x = Math.scalb(x, -r.nextInt(60));
            double exact = Math.log(x);
            double err = Math.abs(DeterministicMath.log(x) - exact);
            assertTrue(err <= 1e-15 * Math.abs(exact) + Double.MIN_NORMAL, "log(" + x + ") off by " + err);
        }
    }

    @Test
    void logOfExactPowersOfTwo() {
        for (int e = -1022; e <= 1023; e++) {
            assertEquals(e * Math.log(2), DeterministicMath.log(Math.scalb(1.0, e)), Math.abs(e) * 2e-16, "2^" + e);
        }
    }

    @Test
    void cosTurnIsWithin1e15OfMathCos() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            double u = Philox.u01d((int) r.nextLong(), (int) r.nextLong());
            double exact = Math.cos(2 * Math.PI * u);
            assertEquals(exact, DeterministicMath.cosTurn(u), 1e-15, "cos(2 pi " + u + ")");
        }
        for (double u : new double[] {0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1 - 0x1p-53}) {
            assertEquals(Math.cos(2 * Math.PI * u), DeterministicMath.cosTurn(u), 1e-15, "cos(2 pi " + u + ")");
        }
    }

    @Test
    void quarterSeriesMatchSinAndCos() {
        for (int i = 0; i <= 10_000; i++) {
            double phi = Math.PI / 2 * i / 10_000;
            assertEquals(Math.cos(phi), DeterministicMath.cosQuarter(phi), 5e-16, "cos " + phi);
            assertEquals(Math.sin(phi), DeterministicMath.sinQuarter(phi), 5e-16, "sin " + phi);
        }
    }
}
