package ibinit.train.smoothing;

import java.util.Locale;

/**
 * How the smoothing radii change with time t = epochs elapsed, counted from 1:
 * <ul>
 *   <li>{@code constant}: R;</li>
 *   <li>{@code exp}: R * factor^floor((t - 1) / period) (the paper: a third every 10 epochs);</li>
 *   <li>{@code inv-sqrt}: R / sqrt(t).</li>
 * </ul>
 */
public record RadiusSchedule(String kind, double factor, int period) {
    public static final RadiusSchedule CONSTANT = new RadiusSchedule("constant", 1, 1);

    public RadiusSchedule {
        kind = kind.trim().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "constant", "inv-sqrt" -> { }
            case "exp" -> {
                if (!(factor > 0 && factor <= 1)) throw new IllegalArgumentException("schedule exp needs factor in (0, 1], got " + factor);
                if (period < 1) throw new IllegalArgumentException("schedule exp needs period >= 1 epoch, got " + period);
            }
            default -> throw new IllegalArgumentException("unknown smoothing schedule '" + kind + "' (choose from constant, exp, inv-sqrt)");
        }
    }

    public static RadiusSchedule exponential(double factor, int period) { return new RadiusSchedule("exp", factor, period); }

    public static RadiusSchedule inverseSqrt() { return new RadiusSchedule("inv-sqrt", 1, 1); }

    /** The multiplier of the base radii in epoch {@code t} (from 1). */
    public double scale(int t) {
        if (t < 1) throw new IllegalArgumentException("epochs count from 1, got " + t);
        return switch (kind) {
            case "exp" -> Math.pow(factor, (t - 1) / period);
            case "inv-sqrt" -> 1 / Math.sqrt(t);
            default -> 1;
        };
    }
}
