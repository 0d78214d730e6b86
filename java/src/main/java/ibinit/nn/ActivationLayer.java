package ibinit.nn;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.tensor.Tensor;

/** An elementwise nonlinearity; {@code param} is the leaky-ReLU slope. */
public final class ActivationLayer implements Layer {
    private final Backend backend;
    private final Activation activation;
    private final float param;
    private final Buffer output;
    private final Buffer inputGrad;
    private Tensor input;
    private Tensor result;

    public ActivationLayer(Backend backend, Activation activation, float param) {
        this.backend = backend;
        this.activation = activation;
        this.param = param;
        this.output = new Buffer(backend);
        this.inputGrad = new Buffer(backend);
    }

    public Activation activation() { return activation; }
    public float param() { return param; }

    @Override
    public String describe() {
        return activation == Activation.LEAKY_RELU ? activation.cliName + "(" + param + ")" : activation.cliName;
    }

    @Override public int[] outputShape(int[] inputShape) { return inputShape.clone(); }

    @Override
    public Tensor forward(Tensor x) {
        input = x;
        result = output.like(x);
        backend.activation(activation, param, x, result);
        return result;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor dx = inputGrad.like(dy);
        backend.activationBackward(activation, param, input, result, dy, dx);
        return dx;
    }

    /**
     * Whether {@link Dense#forward(Tensor, ActivationLayer)} may fuse this activation into the
     * dense layer before it: the fused ops read f' from the output alone, which a leaky ReLU
     * allows only with a slope &gt;= 0.
     */
    boolean fusable() { return activation != Activation.LEAKY_RELU || param >= 0; }

    /**
     * The output buffer for a fused dense + activation forward pass of {@code rows} x {@code cols}.
     * Records it as both input and output: for a fusable activation f' is a function of the
     * output (y &gt; 0 exactly when x &gt; 0 for (leaky) ReLU; tanh and sigmoid use y), so
     * {@link #backward} stays correct after a fused forward.
     */
    Tensor fusedOutput(int rows, int cols) {
        result = output.get(rows, new int[] {cols});
        input = result;
        return result;
    }

    /** The output of the last forward pass (fused or not). */
    Tensor fusedResult() { return result; }

    @Override
    public void close() {
        output.close();
        inputGrad.close();
    }
}
