package ibinit.init;

import ibinit.backend.RandomStream;
import ibinit.nn.Parameter;

/** Draws one weight tensor from its own random sub-stream. */
@FunctionalInterface
public interface WeightFill {
    void fill(Parameter weight, RandomStream random);
}
