package ibinit.experiment;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.nn.Architecture;
import ibinit.nn.Sequential;

/**
 * The network: an architecture in the compact syntax ({@code 784-100-10},
 * {@code 1x28x28-c32k3p1-mp2-128-10}), the hidden activation and the leaky-ReLU slope. The
 * constructor parses both, so a bad spec fails before anything runs.
 */
public record NetworkSpec(String arch, String activation, double leakySlope) {
    public NetworkSpec {
        Architecture.parse(arch);
        activation = Activation.parse(activation).cliName;
        if (!Double.isFinite(leakySlope) || leakySlope < 0) throw new IllegalArgumentException("--leaky-slope must be a finite number >= 0, got " + leakySlope);
    }

    public Architecture architecture() { return Architecture.parse(arch); }

    public Activation act() { return Activation.parse(activation); }

    /** The network on {@code backend}, parameters allocated but not initialized. */
    public Sequential build(Backend backend) { return Sequential.build(backend, architecture(), act(), (float) leakySlope); }
}
