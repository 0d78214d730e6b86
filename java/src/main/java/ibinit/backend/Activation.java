package ibinit.backend;

import ibinit.text.Choices;

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
        String n = Choices.normalize(name);
        if (n.equals("leakyrelu")) return LEAKY_RELU; // PyTorch's spelling
        if (n.equals("linear")) return IDENTITY;
        return Choices.parse(Activation.class, name, a -> a.cliName, "activation");
    }
}
