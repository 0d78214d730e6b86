package ibinit.nn;

import ibinit.tensor.Tensor;
import java.util.List;

/**
 * One layer of a {@link Sequential} network. Batches run along dimension 0. A layer owns its
 * output and input-gradient buffers (sized for the largest batch seen, reused), so the tensors it
 * returns stay valid until its next call.
 */
public interface Layer extends AutoCloseable {

    /** e.g. {@code dense 784->100}. */
    String describe();

    /** Shape of one sample's output for one sample's input shape. */
    int[] outputShape(int[] inputShape);

    /** Computes the output for {@code input}; keeps what backward needs. */
    Tensor forward(Tensor input);

    /**
     * Given d(loss)/d(output) for the batch of the last forward call, sets the parameter gradients
     * (each {@link Parameter#grad()} is overwritten) and returns d(loss)/d(input).
     */
    Tensor backward(Tensor gradOutput);

    /**
     * Like {@link #backward} when nothing needs d(loss)/d(input) (the first layer of a network):
     * layers whose input gradient costs real work skip it.
     */
    default void backwardParametersOnly(Tensor gradOutput) { backward(gradOutput); }

    /** Trainable parameters (empty for parameter-free layers). */
    default List<Parameter> parameters() { return List.of(); }

    @Override
    void close();
}
