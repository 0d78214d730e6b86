package ibinit.init;

import ibinit.nn.Parameter;
import java.util.Locale;

/** Which fan scales Kaiming's variance: fan_in keeps forward variance, fan_out backward variance. */
public enum FanMode {
    FAN_IN, FAN_OUT;

    public int of(Parameter p) { return this == FAN_IN ? p.fanIn() : p.fanOut(); }

    public static FanMode parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "fan_in" -> FAN_IN;
            case "fan_out" -> FAN_OUT;
            default -> throw new IllegalArgumentException("unknown fan mode '" + s + "' (fan_in or fan_out)");
        };
    }
}
