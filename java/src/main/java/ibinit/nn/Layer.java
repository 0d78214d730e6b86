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

    // ---- Pearlmutter's R-operator, for exact Hessian-vector products ----
    // R{q} is the derivative of q along the direction in which every parameter p moves by
    // p.direction(). After forward and backward of one batch, forwardR then backwardR (first layer
    // to last, then last to first) leave H v in each parameter's hessianVector(), H the Hessian of
    // the loss whose output gradient fed backward.

    /**
     * Given R{input} for the last forward call (null when the input does not move, below the first
     * layer with parameters), returns R{output} (null when it is zero). The tensor stays valid
     * until this layer's next forwardR.
     */
    default Tensor forwardR(Tensor rInput) {
        throw new UnsupportedOperationException(describe() + " has no Hessian-vector product");
    }

    /**
     * Given R{d(loss)/d(output)} for the last backward call, sets each parameter's
     * {@link Parameter#hessianVector()} (overwritten) and returns R{d(loss)/d(input)}, or null
     * when {@code wantInputGrad} is false (the first layer with parameters).
     */
    default Tensor backwardR(Tensor rGradOutput, boolean wantInputGrad) {
        throw new UnsupportedOperationException(describe() + " has no Hessian-vector product");
    }

    /**
     * Like {@link #backward}, but with {@code accumulate} the parameter gradients are added to what
     * {@link Parameter#grad()} holds instead of overwriting it (several passes summing into one
     * gradient, as a smoothed step does). Layers without parameters ignore the flag.
     */
    default Tensor backward(Tensor gradOutput, boolean accumulate) {
        if (accumulate && !parameters().isEmpty()) throw new UnsupportedOperationException(describe() + " cannot accumulate gradients");
        return backward(gradOutput);
    }

    /** {@link #backwardParametersOnly(Tensor)} with {@code accumulate} as in {@link #backward(Tensor, boolean)}. */
    default void backwardParametersOnly(Tensor gradOutput, boolean accumulate) {
        if (accumulate && !parameters().isEmpty()) throw new UnsupportedOperationException(describe() + " cannot accumulate gradients");
        backwardParametersOnly(gradOutput);
    }

    /** Trainable parameters (empty for parameter-free layers). */
    default List<Parameter> parameters() { return List.of(); }

    @Override
    void close();
}
