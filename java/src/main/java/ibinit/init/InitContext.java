package ibinit.init;

import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;

/**
 * What an initializer may use: the random stream (sub-stream k of its seed belongs to the k-th
 * parameter), and for data-driven methods a batch of training inputs [n, features] and their
 * int32 labels (either may be null for data-free methods).
 */
public record InitContext(RandomStream random, Tensor sample, Tensor sampleLabels) {
    public static InitContext seeded(long seed) { return new InitContext(ibinit.rng.Streams.networkInit(seed), null, null); }

    /** The sample, or a clear error naming the method that needs one. */
    public Tensor requireSample(String method) {
        if (sample == null) throw new IllegalArgumentException(method + " needs a data sample to initialize from");
        return sample;
    }
}
