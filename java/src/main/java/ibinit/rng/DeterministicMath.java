package ibinit.rng;

/**
 * log and cos built only from + - * / in double, in a fixed order: Math.log and Math.cos may differ
 * by an ulp between JVMs, libm and CUDA, which would change random streams. Mirrors
 * ibinit_det_log, ibinit_det_cos_quarter, ibinit_det_sin_quarter and ibinit_det_cos_turn in
 * native/include/ibinit_scalar.h; keep the operations and their order identical. Java never fuses
 * a multiply-add, which matches C built with -ffp-contract=off.
 */
public final class DeterministicMath {
    private DeterministicMath() { }

    /**
     * Natural log for finite, normal x > 0: x = m 2^e with m in [sqrt(1/2), sqrt(2)),
     * log m = 2 atanh(s), s = (m - 1)/(m + 1).
     */
    public static double log(double x) {
        long u = Double.doubleToRawLongBits(x);
        int e = (int) ((u >>> 52) & 0x7FF) - 1023;
        u = (u & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L; // m in [1, 2)
        double m = Double.longBitsToDouble(u);
        if (m > 1.4142135623730951) { m = m * 0.5; e = e + 1; }
        double s = (m - 1.0) / (m + 1.0);
        double s2 = s * s;
        double p = 1.0 / 23.0;
        p = p * s2 + 1.0 / 21.0;
        p = p * s2 + 1.0 / 19.0;
        p = p * s2 + 1.0 / 17.0;
        p = p * s2 + 1.0 / 15.0;
        p = p * s2 + 1.0 / 13.0;
        p = p * s2 + 1.0 / 11.0;
        p = p * s2 + 1.0 / 9.0;
        p = p * s2 + 1.0 / 7.0;
        p = p * s2 + 1.0 / 5.0;
        p = p * s2 + 1.0 / 3.0;
        p = p * s2 + 1.0;
        return (double) e * 0.6931471805599453 + 2.0 * s * p;
    }

    /** cos(phi) for phi in [0, pi/2], Taylor series to phi^20. */
    public static double cosQuarter(double phi) {
        double x2 = phi * phi;
        double p = 1.0 / 2432902008176640000.0;   // 1/20!
        p = -p * x2 + 1.0 / 6402373705728000.0;    // 1/18!
        p = -p * x2 + 1.0 / 20922789888000.0;      // 1/16!
        p = -p * x2 + 1.0 / 87178291200.0;         // 1/14!
        p = -p * x2 + 1.0 / 479001600.0;           // 1/12!
        p = -p * x2 + 1.0 / 3628800.0;             // 1/10!
        p = -p * x2 + 1.0 / 40320.0;               // 1/8!
        p = -p * x2 + 1.0 / 720.0;                 // 1/6!
        p = -p * x2 + 1.0 / 24.0;                  // 1/4!
        p = -p * x2 + 1.0 / 2.0;                   // 1/2!
        p = -p * x2 + 1.0;
        return p;
    }

    /** sin(phi) for phi in [0, pi/2], Taylor series to phi^21. */
    public static double sinQuarter(double phi) {
        double x2 = phi * phi;
        double p = 1.0 / 51090942171709440000.0;  // 1/21!
        p = -p * x2 + 1.0 / 121645100408832000.0;  // 1/19!
        p = -p * x2 + 1.0 / 355687428096000.0;     // 1/17!
        p = -p * x2 + 1.0 / 1307674368000.0;       // 1/15!
        p = -p * x2 + 1.0 / 6227020800.0;          // 1/13!
        p = -p * x2 + 1.0 / 39916800.0;            // 1/11!
        p = -p * x2 + 1.0 / 362880.0;              // 1/9!
        p = -p * x2 + 1.0 / 5040.0;                // 1/7!
        p = -p * x2 + 1.0 / 120.0;                 // 1/5!
        p = -p * x2 + 1.0 / 6.0;                   // 1/3!
        p = -p * x2 + 1.0;
        return p * phi;
    }

    /** cos(2 pi u) for u in [0, 1): the quadrant comes exactly from 4u, the rest from a quarter turn. */
    public static double cosTurn(double u) {
        double t = u * 4.0;
        int q = (int) t;
        double phi = (t - (double) q) * 1.5707963267948966;
        return switch (q) {
            case 0 -> cosQuarter(phi);
            case 1 -> -sinQuarter(phi);
            case 2 -> -cosQuarter(phi);
            default -> sinQuarter(phi);
        };
    }
}
