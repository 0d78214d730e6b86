package ibinit.init;

import ibinit.backend.Activation;

/** PyTorch's {@code torch.nn.init.calculate_gain}. */
public final class Gain {
    private Gain() { }

    public static double of(Activation a, double leakySlope) {
        return switch (a) {
            case IDENTITY, SIGMOID -> 1.0;
            case TANH -> 5.0 / 3.0;
            case RELU -> Math.sqrt(2.0);
            case LEAKY_RELU -> Math.sqrt(2.0 / (1 + leakySlope * leakySlope));
        };
    }
}
