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
    private final Buffer rOutput;
    private final Buffer rInputGrad;
    private Tensor input;
    private Tensor result;
    private Tensor gradOutput;
    private Tensor rInput;

    public ActivationLayer(Backend backend, Activation activation, float param) {
        this.backend = backend;
        this.activation = activation;
        this.param = param;
        this.output = new Buffer(backend);
        this.inputGrad = new Buffer(backend);
        this.rOutput = new Buffer(backend);
        this.rInputGrad = new Buffer(backend);
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
        gradOutput = dy;
        Tensor dx = inputGrad.like(dy);
        backend.activationBackward(activation, param, input, result, dy, dx);
        return dx;
    }

    /** R{y} = f'(x) R{x}. */
    @Override
    public Tensor forwardR(Tensor rx) {
        rInput = rx;
        if (rx == null) return null;
        Tensor ry = rOutput.like(rx);
        backend.activationBackward(activation, param, input, result, rx, ry);
        return ry;
    }

    /** Whether f'' is not identically 0 (tanh, sigmoid): only then does the R-pass need the gradient backward received. */
    boolean hasCurvature() { return activation == Activation.TANH || activation == Activation.SIGMOID; }

    /** R{dx} = R{dy} f'(x) + dy f''(x) R{x}. */
    @Override
    public Tensor backwardR(Tensor rdy, boolean wantInputGrad) {
        if (!wantInputGrad) return null;
        Tensor rdx = rInputGrad.like(rdy);
        if (rInput == null || !hasCurvature()) backend.activationBackward(activation, param, input, result, rdy, rdx);
        else backend.activationBackwardR(activation, param, input, result, gradOutput, rInput, rdy, rdx);
        return rdx;
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
        rOutput.close();
        rInputGrad.close();
    }
}
