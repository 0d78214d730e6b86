package ibinit.backend;

import java.util.Locale;

/** Elementwise nonlinearities; the codes match native/include/ibinit_scalar.h. */
public enum Activation {
    IDENTITY(0, "identity"),
    RELU(1, "relu"),
    LEAKY_RELU(2, "leaky-relu"),
    TANH(3, "tanh"),
    SIGMOID(4, "sigmoid");

    public final int code;
    public final String cliName;

    Activation(int code, String cliName) {
        this.code = code;
        this.cliName = cliName;
    }

    /** Parses a CLI name ({@code relu}, {@code leaky-relu}, ...), with a clear error listing the choices. */
    public static Activation parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Activation a : values()) {
            if (a.cliName.equals(n) || (a == LEAKY_RELU && n.equals("leakyrelu")) || (a == IDENTITY && n.equals("linear"))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "' (choose from relu, leaky-relu, tanh, sigmoid, identity)");
    }
}
