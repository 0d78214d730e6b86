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
 * A MINE critic T(a, b) -&gt; one number per pair: dense layers with leaky ReLU between them and a
 * linear output. It scores blocks of pairs: given a [n, aInputs] and b [k n, bInputs], row r pairs
 * a[r mod n] with b[r] (the joint block, then the marginal blocks, see {@link MarginalSampling}).
 *
 * <p>The first layer's weight is kept as two column blocks, W_a and W_b, so that a W_a^T is
 * computed once for the n rows of a and added to every block of b W_b^T: every block repeats the
 * same a rows. For the benchmark step (a 784 wide, b 512, 256 pairs, one marginal block) that
 * saves 0.6 of 4.0 GFLOP in the first layer's forward and as much in its weight gradient; and the
 * gradient with respect to a comes out summed over the blocks, as AA-MINE's trainable copy needs
 * it. The later layers are one fused {@link Backend#denseActivationForward} call each.
 *
 * <p>Weights and biases start as PyTorch's nn.Linear on [a | b] would, U(-1/sqrt(in), 1/sqrt(in)),
 * drawn from {@code RandomStream.of(seed, stream)}, so a seed gives the same critic on every backend.
 */
public final class Critic implements AutoCloseable {
    private final Backend backend;
    private final int aInputs, bInputs;
    private final int[] widths; // hidden sizes, then 1
    private final float slope;
    private final Parameter weightA, weightB;
    private final List<Parameter> weights = new ArrayList<>(); // layers 1.. (index 0 unused)
    private final List<Parameter> biases = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private Tensor aPart;             // [n, widths[0]]: a W_a^T + bias of layer 0
    private Tensor[] outputs = new Tensor[0]; // per layer, [rows, width]
    private Tensor[] grads = new Tensor[0];   // per layer, d(loss)/d(output), then d(pre-activation)
    private Tensor blockSum;          // [n, widths[0]]: layer 0's d(pre) summed over the blocks
    private int rows = -1, pairs = -1;
    private Tensor a, b;

    public Critic(Backend backend, int aInputs, int bInputs, int[] hidden, float slope, long seed) {
        if (aInputs < 1 || bInputs < 1) throw new IllegalArgumentException("a critic needs inputs on both sides, got " + aInputs + " + " + bInputs);
        if (!(slope >= 0) || !Float.isFinite(slope)) throw new IllegalArgumentException("leaky-ReLU slope must be >= 0, got " + slope);
        for (int h : hidden) if (h < 1) throw new IllegalArgumentException("hidden sizes must be positive: " + Arrays.toString(hidden));
        this.backend = backend;
        this.aInputs = aInputs;
        this.bInputs = bInputs;
        this.widths = Arrays.copyOf(hidden, hidden.length + 1);
        this.widths[hidden.length] = 1;
        this.slope = slope;
        int in = aInputs + bInputs;
        for (int l = 0; l < widths.length; l++) {
            int out = widths[l];
            float bound = (float) (1.0 / Math.sqrt(in));
            if (l == 0) {
                weights.add(null);
            } else {
                Parameter w = new Parameter("critic." + l + ".weight", Parameter.Kind.WEIGHT, backend.zeros(out, in), in, out);
                backend.fillUniform(w.value(), RandomStream.of(seed, 2 * l), -bound, bound);
                weights.add(w);
            }
            Parameter bias = new Parameter("critic." + l + ".bias", Parameter.Kind.BIAS, backend.zeros(out), in, out);
            backend.fillUniform(bias.value(), RandomStream.of(seed, 2 * l + 1), -bound, bound);
            biases.add(bias);
            in = out;
        }
        int fanIn = aInputs + bInputs;
        float bound = (float) (1.0 / Math.sqrt(fanIn));
        weightA = new Parameter("critic.0.weight_a", Parameter.Kind.WEIGHT, backend.zeros(widths[0], aInputs), fanIn, widths[0]);
        weightB = new Parameter("critic.0.weight_b", Parameter.Kind.WEIGHT, backend.zeros(widths[0], bInputs), fanIn, widths[0]);
        backend.fillUniform(weightA.value(), RandomStream.of(seed, 0), -bound, bound);
        backend.fillUniform(weightB.value(), RandomStream.of(seed, 2 * widths.length), -bound, bound);
        parameters.add(weightA);
        parameters.add(weightB);
        parameters.add(biases.get(0));
        for (int l = 1; l < widths.length; l++) {
            parameters.add(weights.get(l));
            parameters.add(biases.get(l));
        }
    }

    public int aInputs() { return aInputs; }
    public int bInputs() { return bInputs; }
    public List<Parameter> parameters() { return parameters; }

    /** e.g. {@code 784+512-1500-1500-1 leaky-relu(0.01)}. */
    public String describe() {
        StringBuilder s = new StringBuilder().append(aInputs).append('+').append(bInputs);
        for (int w : widths) s.append('-').append(w);
        return s.append(" leaky-relu(").append(slope).append(')').toString();
    }

    private Activation activationOf(int layer) { return layer == widths.length - 1 ? Activation.IDENTITY : Activation.LEAKY_RELU; }

    private void ensureRows(int n, int r) {
        if (n == pairs && r == rows) return;
        close(outputs);
        close(grads);
        if (aPart != null) aPart.close();
        if (blockSum != null) blockSum.close();
        outputs = new Tensor[widths.length];
        grads = new Tensor[widths.length];
        for (int l = 0; l < widths.length; l++) {
            outputs[l] = backend.zeros(r, widths[l]);
            grads[l] = backend.zeros(r, widths[l]);
        }
        aPart = backend.zeros(n, widths[0]);
        blockSum = backend.zeros(n, widths[0]);
        pairs = n;
        rows = r;
    }

    /** T for every row r of b paired with a[r mod n]: a [n, aInputs], b [k n, bInputs]; the result [k n, 1] is valid until the next call. */
    public Tensor forward(Tensor a, Tensor b) {
        if (a.rank() != 2 || a.dim(1) != aInputs || b.rank() != 2 || b.dim(1) != bInputs) {
            throw new IllegalArgumentException("critic " + describe() + " takes a [n, " + aInputs + "] and b [k n, " + bInputs
                    + "], got " + a.describe() + " and " + b.describe());
        }
        int n = a.dim(0), r = b.dim(0);
        if (n == 0 || r % n != 0) throw new IllegalArgumentException("b's " + r + " rows are not whole blocks of a's " + n);
        ensureRows(n, r);
        this.a = a;
        this.b = b;
        // layer 0: f(b W_b^T + [a W_a^T + bias] repeated over the k blocks)
        Tensor h0 = outputs[0];
        backend.gemm(false, true, 1f, a, weightA.value(), 0f, aPart);
        backend.addBias(aPart, biases.get(0).value());
        backend.gemm(false, true, 1f, b, weightB.value(), 0f, h0);
        try (Tensor blocks = h0.view(r / n, n * widths[0]); Tensor flat = aPart.view(n * widths[0])) {
            backend.addBias(blocks, flat);
        }
        backend.activation(activationOf(0), slope, h0, h0); // in place: f' is read back from y (slope >= 0)
        Tensor h = h0;
        for (int l = 1; l < widths.length; l++) {
            backend.denseActivationForward(h, weights.get(l).value(), biases.get(l).value(), activationOf(l), slope, outputs[l]);
            h = outputs[l];
        }
        return h;
    }

    /** Where backward reads d(loss)/dT: [k n, 1], to be filled by the caller after forward. */
    public Tensor outputGradient() {
        if (rows < 0) throw new IllegalStateException("critic has not run forward yet");
        return grads[widths.length - 1];
    }

    /**
     * Backward from {@link #outputGradient()} (consumed): overwrites every parameter gradient and,
     * when {@code aGradient} [n, aInputs] is not null, fills it with d(loss)/da, summed over the
     * blocks in which each row of a appears.
     */
    public void backward(Tensor aGradient) { backward(aGradient, null); }

    /**
     * As {@link #backward(Tensor)}, and when {@code bGradient} [k n, bInputs] is not null, fills it
     * with d(loss)/db row by row (IB training sends it on into the layer that produced b).
     */
    public void backward(Tensor aGradient, Tensor bGradient) {
        if (a == null) throw new IllegalStateException("critic has not run forward yet");
        for (int l = widths.length - 1; l >= 1; l--) {
            backend.denseActivationBackward(outputs[l - 1], weights.get(l).value(), activationOf(l), slope, outputs[l], grads[l],
                    weights.get(l).grad(), biases.get(l).grad(), grads[l - 1]);
        }
        Tensor h0 = outputs[0], d0 = grads[0];
        backend.activationBackward(activationOf(0), slope, h0, h0, d0, d0); // x = y: same sign for leaky ReLU with slope >= 0
        backend.columnSums(d0, biases.get(0).grad());
        backend.gemm(true, false, 1f, d0, b, 0f, weightB.grad());
        if (bGradient != null) backend.gemm(false, false, 1f, d0, weightB.value(), 0f, bGradient);
        int n = pairs;
        try (Tensor blocks = d0.view(rows / n, n * widths[0]); Tensor flat = blockSum.view(n * widths[0])) {
            backend.columnSums(blocks, flat); // sum over the k blocks, row by row of a
        }
        backend.gemm(true, false, 1f, blockSum, a, 0f, weightA.grad());
        if (aGradient != null) backend.gemm(false, false, 1f, blockSum, weightA.value(), 0f, aGradient);
    }

    private static void close(Tensor[] ts) { for (Tensor t : ts) if (t != null) t.close(); }

    @Override
    public void close() {
        close(outputs);
        close(grads);
        if (aPart != null) aPart.close();
        if (blockSum != null) blockSum.close();
        parameters.forEach(Parameter::close);
    }
}
