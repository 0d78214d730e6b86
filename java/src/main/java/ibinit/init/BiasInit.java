package ibinit.init;

import ibinit.backend.RandomStream;
import ibinit.nn.Parameter;
import java.util.Locale;

/**
 * How biases start: {@code zeros} (default), {@code pytorch} (PyTorch's nn.Linear default,
 * U(-1/sqrt(fan_in), 1/sqrt(fan_in))) or {@code const:V}.
 */
public record BiasInit(String kind, float value) {
    public static final BiasInit ZEROS = new BiasInit("zeros", 0f);

    public static BiasInit parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("zeros") || t.equals("zero")) return ZEROS;
        if (t.equals("pytorch")) return new BiasInit("pytorch", 0f);
        if (t.startsWith("const:")) {
            try {
                return new BiasInit("const", Float.parseFloat(t.substring(6)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad bias constant in '" + s + "'");
            }
        }
        throw new IllegalArgumentException("unknown bias initialization '" + s + "' (zeros, pytorch or const:V)");
    }

    void apply(Parameter bias, RandomStream rs) {
        var b = bias.value().backend();
        switch (kind) {
            case "pytorch" -> {
                float bound = (float) (1.0 / Math.sqrt(bias.fanIn()));
                b.fillUniform(bias.value(), rs, -bound, bound);
            }
            case "const" -> b.fillUniform(bias.value(), rs, value, value);
            default -> b.fillUniform(bias.value(), rs, 0f, 0f);
        }
    }

    @Override
    public String toString() { return kind.equals("const") ? "const:" + value : kind; }
}
