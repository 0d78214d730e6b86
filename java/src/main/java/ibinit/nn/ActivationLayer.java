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
        result = output.get(x.dim(0), tail(x.shape()));
        backend.activation(activation, param, x, result);
        return result;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor dx = inputGrad.get(dy.dim(0), tail(dy.shape()));
        backend.activationBackward(activation, param, input, result, dy, dx);
        return dx;
    }

    static int[] tail(int[] shape) { return java.util.Arrays.copyOfRange(shape, 1, shape.length); }

    @Override
    public void close() {
        output.close();
        inputGrad.close();
    }
}
