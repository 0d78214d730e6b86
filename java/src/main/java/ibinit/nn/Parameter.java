package ibinit.nn;

import ibinit.tensor.Tensor;

/**
 * A trainable tensor and its gradient. {@code fanIn} and {@code fanOut} follow PyTorch
 * ({@code torch.nn.init._calculate_fan_in_and_fan_out}): for a dense weight [out, in] they are
 * in and out; for a conv weight [out, in, kh, kw] they are in*kh*kw and out*kh*kw.
 */
public final class Parameter implements AutoCloseable {
    /** What a parameter is, for initializers (weights are drawn, biases usually zeroed). */
    public enum Kind { WEIGHT, BIAS }

    private final String name;
    private final Kind kind;
    private final Tensor value;
    private final Tensor grad;
    private final int fanIn;
    private final int fanOut;

    public Parameter(String name, Kind kind, Tensor value, int fanIn, int fanOut) {
        this.name = name;
        this.kind = kind;
        this.value = value;
        this.grad = value.backend().allocate(value.dtype(), value.shape());
        this.fanIn = fanIn;
        this.fanOut = fanOut;
    }

    /** e.g. {@code layers.0.weight}, the name used in exported weight files. */
    public String name() { return name; }
    public Kind kind() { return kind; }
    public Tensor value() { return value; }
    public Tensor grad() { return grad; }
    public int fanIn() { return fanIn; }
    public int fanOut() { return fanOut; }

    @Override
    public void close() {
        value.close();
        grad.close();
    }
}
