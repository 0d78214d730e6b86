package ibinit.nn;

import ibinit.backend.Backend;
import ibinit.tensor.Tensor;
import java.util.List;

/**
 * y = x + b with one learnable scalar b for the whole tensor: what the no-batch-norm residual
 * nets of Fixup, GradInit and NIO put where a batch norm would be. Backward passes the gradient
 * through unchanged and sums it into b's gradient.
 */
public final class ScalarBias implements Layer {
    private final Backend backend;
    private final Parameter bias;
    private final Buffer output;
    private final Buffer rOutput;
    private Tensor lastOutput;

    public ScalarBias(Backend backend, String name) {
        this.backend = backend;
        this.bias = new Parameter(name + ".bias", Parameter.Kind.BIAS, backend.zeros(1), 1, 1);
        this.output = new Buffer(backend);
        this.rOutput = new Buffer(backend);
    }

    public Parameter bias() { return bias; }

    @Override public String describe() { return "scalar bias"; }

    @Override public int[] outputShape(int[] inputShape) { return inputShape.clone(); }

    /** Every element as its own row of one column, so the per-channel ops add or sum the one scalar. */
    private static Tensor column(Tensor t) { return t.view(Math.toIntExact(t.size()), 1); }

    @Override
    public Tensor forward(Tensor x) {
        Tensor y = output.like(x);
        backend.copy(x, y);
        if (y.size() > 0) backend.addChannelBias(column(y), bias.value());
        lastOutput = y;
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        sumInto(dy, bias.grad());
        return dy;
    }

    @Override
    public void backwardParametersOnly(Tensor dy) { sumInto(dy, bias.grad()); }

    /** R{y} = R{x} + v_b (v_b alone when the input does not move). */
    @Override
    public Tensor forwardR(Tensor rx) {
        Tensor ry = rOutput.like(lastOutput);
        if (rx != null) backend.copy(rx, ry);
        else backend.copyFromArray(new float[Math.toIntExact(ry.size())], ry); // rare: nothing below moves
        if (ry.size() > 0) backend.addChannelBias(column(ry), bias.direction());
        return ry;
    }

    @Override
    public Tensor backwardR(Tensor rdy, boolean wantInputGrad) {
        sumInto(rdy, bias.hessianVector());
        return wantInputGrad ? rdy : null;
    }

    private void sumInto(Tensor t, Tensor out) {
        if (t.size() == 0) backend.scale(0f, out);
        else backend.channelSums(column(t), out);
    }

    @Override public List<Parameter> parameters() { return List.of(bias); }

    @Override
    public void close() {
        bias.close();
        output.close();
        rOutput.close();
    }
}
