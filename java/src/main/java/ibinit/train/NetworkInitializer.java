package ibinit.train;

import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;

/**
 * Sets a network's starting parameters for a run. The seed is the run's seed; {@code sample} and
 * {@code sampleLabels} are a fixed batch of training rows for data-driven methods (data-free ones
 * ignore them). The CLI adapts the {@code ibinit.init} registry to this.
 */
public interface NetworkInitializer {
    String name();

    void initialize(Sequential net, long seed, Tensor sample, Tensor sampleLabels);

    /** Builds initializers by method text ({@code name[:key=value,...]}); throws IllegalArgumentException for an unknown one. */
    @FunctionalInterface
    interface Factory {
        NetworkInitializer create(String method, ibinit.backend.Activation activation, float activationParam);
    }
}
