package ibinit.info;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.nn.Parameter;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A critic network T(input) -&gt; one number per row: dense layers with leaky ReLU between them and
 * a linear output, each layer one fused {@link Backend#denseActivationForward} call. Weights and
 * biases start as PyTorch's nn.Linear does, U(-1/sqrt(in), 1/sqrt(in)), drawn from
 * {@code RandomStream.of(seed, layer)}, so a seed gives the same critic on every backend.
 */
public final class Critic implements AutoCloseable {
    private final Backend backend;
    private final int inputs;
    private final int[] widths; // hidden sizes, then 1
    private final float slope;
    private final List<Parameter> weights = new ArrayList<>();
    private final List<Parameter> biases = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private Tensor[] outputs = new Tensor[0]; // per layer, [rows, width]
    private Tensor[] grads = new Tensor[0];   // per layer, d(loss)/d(output), then d(pre-activation)
    private int rows = -1;
    private Tensor input;

    public Critic(Backend backend, int inputs, int[] hidden, float slope, long seed) {
        if (inputs < 1) throw new IllegalArgumentException("a critic needs at least one input, got " + inputs);
        if (!(slope >= 0) || !Float.isFinite(slope)) throw new IllegalArgumentException("leaky-ReLU slope must be >= 0, got " + slope);
        for (int h : hidden) if (h < 1) throw new IllegalArgumentException("hidden sizes must be positive: " + Arrays.toString(hidden));
        this.backend = backend;
        this.inputs = inputs;
        this.widths = Arrays.copyOf(hidden, hidden.length + 1);
        this.widths[hidden.length] = 1;
        this.slope = slope;
        int in = inputs;
        for (int l = 0; l < widths.length; l++) {
            int out = widths[l];
            Parameter w = new Parameter("critic." + l + ".weight", Parameter.Kind.WEIGHT, backend.zeros(out, in), in, out);
            Parameter b = new Parameter("critic." + l + ".bias", Parameter.Kind.BIAS, backend.zeros(out), in, out);
            float bound = (float) (1.0 / Math.sqrt(in));
            backend.fillUniform(w.value(), RandomStream.of(seed, 2 * l), -bound, bound);
            backend.fillUniform(b.value(), RandomStream.of(seed, 2 * l + 1), -bound, bound);
            weights.add(w);
            biases.add(b);
            parameters.add(w);
            parameters.add(b);
            in = out;
        }
    }

    public int inputs() { return inputs; }
    public List<Parameter> parameters() { return parameters; }

    /** e.g. {@code 1296-1500-1500-1 leaky-relu(0.01)}. */
    public String describe() {
        StringBuilder s = new StringBuilder().append(inputs);
        for (int w : widths) s.append('-').append(w);
        return s.append(" leaky-relu(").append(slope).append(')').toString();
    }

    private Activation activationOf(int layer) { return layer == widths.length - 1 ? Activation.IDENTITY : Activation.LEAKY_RELU; }

    private void ensureRows(int n) {
        if (n == rows) return;
        close(outputs);
        close(grads);
        outputs = new Tensor[widths.length];
        grads = new Tensor[widths.length];
        for (int l = 0; l < widths.length; l++) {
            outputs[l] = backend.zeros(n, widths[l]);
            grads[l] = backend.zeros(n, widths[l]);
        }
        rows = n;
    }

    /** T for each row of {@code input} [rows, inputs]; the result [rows, 1] is valid until the next call. */
    public Tensor forward(Tensor input) {
        if (input.rank() != 2 || input.dim(1) != inputs) {
            throw new IllegalArgumentException("critic " + describe() + " takes [rows, " + inputs + "], got " + input.describe());
        }
        ensureRows(input.dim(0));
        this.input = input;
        Tensor h = input;
        for (int l = 0; l < widths.length; l++) {
            backend.denseActivationForward(h, weights.get(l).value(), biases.get(l).value(), activationOf(l), slope, outputs[l]);
            h = outputs[l];
        }
        return h;
    }

    /** Where backward reads d(loss)/dT: [rows, 1], to be filled by the caller after forward. */
    public Tensor outputGradient() {
        if (rows < 0) throw new IllegalStateException("critic has not run forward yet");
        return grads[widths.length - 1];
    }

    /**
     * Backward from {@link #outputGradient()} (consumed): overwrites every parameter gradient and,
     * when {@code inputGradient} is not null, fills it with d(loss)/d(input) [rows, inputs].
     */
    public void backward(Tensor inputGradient) {
        if (input == null) throw new IllegalStateException("critic has not run forward yet");
        for (int l = widths.length - 1; l >= 0; l--) {
            Tensor x = l == 0 ? input : outputs[l - 1];
            Tensor dx = l == 0 ? inputGradient : grads[l - 1];
            backend.denseActivationBackward(x, weights.get(l).value(), activationOf(l), slope, outputs[l], grads[l],
                    weights.get(l).grad(), biases.get(l).grad(), dx);
        }
    }

    private static void close(Tensor[] ts) { for (Tensor t : ts) if (t != null) t.close(); }

    @Override
    public void close() {
        close(outputs);
        close(grads);
        parameters.forEach(Parameter::close);
    }
}
