package ibinit.text;

import java.math.BigDecimal;

/** Numbers as people write them: 0.0001 as {@code 1e-4}, 0.01 as {@code 0.01}, 2.0 as {@code 2}. */
public final class Numbers {
    private Numbers() { }

    /** A float as its shortest decimal, formatted as {@link #format(double)} (1e-4f is {@code 1e-4}, not 1.0000000474974513e-4). */
    public static String format(float v) { return format(Double.parseDouble(Float.toString(v))); }

    public static String format(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        String plain = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e7) return plain;
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        String mantissa = d.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        return mantissa + "e" + exponent;
    }
}
