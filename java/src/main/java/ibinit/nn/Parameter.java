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
    private Tensor direction;
    private Tensor hessianVector;
    private Tensor active;

    public Parameter(String name, Kind kind, Tensor value, int fanIn, int fanOut) {
        this.name = name;
        this.kind = kind;
        this.value = value;
        this.grad = value.backend().allocate(value.dtype(), value.shape());
        this.fanIn = fanIn;
        this.fanOut = fanOut;
        this.active = value;
    }

    /** e.g. {@code layers.0.weight}, the name used in exported weight files. */
    public String name() { return name; }
    public Kind kind() { return kind; }
    public Tensor value() { return value; }
    public Tensor grad() { return grad; }

    /**
     * The tensor forward and backward passes read: {@link #value()}, or a stand-in of the same
     * shape while a smoothed step evaluates the network at perturbed weights
     * ({@link ibinit.train.smoothing}). Optimizers always update {@link #value()}.
     */
    public Tensor active() { return active; }

    /** Layers read {@code standIn} instead of the value until {@link #restore()}. */
    public void substitute(Tensor standIn) {
        if (standIn.size() != value.size() || standIn.dtype() != value.dtype() || standIn.backend() != value.backend()) {
            throw new IllegalArgumentException("stand-in " + standIn + " does not match " + name + " " + value);
        }
        active = standIn;
    }

    /** Layers read the value again. */
    public void restore() { active = value; }
    public int fanIn() { return fanIn; }
    public int fanOut() { return fanOut; }

    /** The direction v of a Hessian-vector product (zero-filled at first use, then the caller's to set). */
    public Tensor direction() {
        if (direction == null) direction = value.backend().allocate(value.dtype(), value.shape());
        return direction;
    }

    /** H v for this parameter's block of rows of H, set by the R-passes (see {@link Layer#backwardR}). */
    public Tensor hessianVector() {
        if (hessianVector == null) hessianVector = value.backend().allocate(value.dtype(), value.shape());
        return hessianVector;
    }

    @Override
    public void close() {
        value.close();
        grad.close();
        if (direction != null) direction.close();
        if (hessianVector != null) hessianVector.close();
    }
}
