package ibinit.nn;

import ibinit.backend.Backend;
import ibinit.tensor.Tensor;
import java.util.List;

/** y = x W^T + b with W stored [out, in] as in PyTorch, so exported weights load there unchanged. */
public final class Dense implements Layer {
    private final Backend backend;
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    private final Buffer output;
    private final Buffer inputGrad;
    private final Buffer rOutput;
    private final Buffer rInputGrad;
    private Tensor biasSums; // the bias gradient of one pass, when passes accumulate
    private Tensor input;
    private Tensor gradOutput;
    private Tensor rInput;

    public Dense(Backend backend, String name, int in, int out) {
        if (in < 1 || out < 1) throw new IllegalArgumentException("dense layer needs positive sizes, got " + in + "->" + out);
        this.backend = backend;
        this.in = in;
        this.out = out;
        this.weight = new Parameter(name + ".weight", Parameter.Kind.WEIGHT, backend.zeros(out, in), in, out);
        this.bias = new Parameter(name + ".bias", Parameter.Kind.BIAS, backend.zeros(out), in, out);
        this.output = new Buffer(backend);
        this.inputGrad = new Buffer(backend);
        this.rOutput = new Buffer(backend);
        this.rInputGrad = new Buffer(backend);
    }

    public int in() { return in; }
    public int out() { return out; }
    public Parameter weight() { return weight; }
    public Parameter bias() { return bias; }

    @Override public String describe() { return "dense " + in + "->" + out; }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (Math.toIntExact(Tensor.sizeOf(inputShape)) != in) {
            throw new IllegalArgumentException(describe() + " cannot take inputs of " + java.util.Arrays.toString(inputShape));
        }
        return new int[] {out};
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor x2 = x.rank() == 2 ? x : x.view(x.rows(), x.cols());
        input = x2;
        Tensor y = output.get(x2.rows(), new int[] {out});
        backend.gemm(false, true, 1f, x2, weight.active(), 0f, y);
        backend.addBias(y, bias.active());
        return y;
    }

    /**
     * This layer followed by the activation layer {@code f}, as one fused backend call
     * ({@link ibinit.backend.Backend#denseActivationForward}: the GEMM, then a single pass adding
     * the bias and applying f). The result lands in f's output buffer, and both layers keep the
     * state their own {@code backward} needs, so either may still run alone afterwards.
     */
    Tensor forward(Tensor x, ActivationLayer f) {
        Tensor x2 = x.rank() == 2 ? x : x.view(x.rows(), x.cols());
        input = x2;
        Tensor y = f.fusedOutput(x2.rows(), out);
        backend.denseActivationForward(x2, weight.active(), bias.active(), f.activation(), f.param(), y);
        return y;
    }

    /**
     * The backward pass of this layer and the activation layer {@code f} after it, fused
     * ({@link ibinit.backend.Backend#denseActivationBackward}): one pass forms d = dy * f'(y) in
     * place of {@code dy} and sums its columns into the bias gradient, then the weight-gradient
     * GEMM and, when {@code wantInputGrad}, the input-gradient GEMM. This saves the pass over the
     * pre-activation and the separate column-sum pass of the unfused pair. {@code dy} must be a
     * buffer the caller may overwrite. Returns d(loss)/d(input), or null without {@code wantInputGrad}.
     */
    Tensor backward(Tensor dy, ActivationLayer f, boolean wantInputGrad) {
        Tensor dx = wantInputGrad ? inputGrad.get(dy.rows(), new int[] {in}) : null;
        backend.denseActivationBackward(input, weight.active(), f.activation(), f.param(), f.fusedResult(), dy,
                weight.grad(), bias.grad(), dx);
        gradOutput = dy; // now d(loss)/d(x w^T + b), what backwardR needs
        return dx;
    }

    @Override
    public void backwardParametersOnly(Tensor dy) { backwardParametersOnly(dy, false); }

    @Override
    public void backwardParametersOnly(Tensor dy, boolean accumulate) {
        // dW (+)= dy^T x ; db (+)= column sums of dy
        gradOutput = dy;
        backend.gemm(true, false, 1f, dy, input, accumulate ? 1f : 0f, weight.grad());
        if (accumulate) {
            if (biasSums == null) biasSums = backend.zeros(out);
            backend.columnSums(dy, biasSums);
            backend.axpy(1f, biasSums, bias.grad());
        } else {
            backend.columnSums(dy, bias.grad());
        }
    }

    @Override
    public Tensor backward(Tensor dy) { return backward(dy, false); }

    @Override
    public Tensor backward(Tensor dy, boolean accumulate) {
        backwardParametersOnly(dy, accumulate);
        // dx = dy W
        Tensor dx = inputGrad.get(dy.rows(), new int[] {in});
        backend.gemm(false, false, 1f, dy, weight.active(), 0f, dx);
        return dx;
    }

    /** R{y} = R{x} W^T + x V^T + v_b, with (V, v_b) the parameters' directions. */
    @Override
    public Tensor forwardR(Tensor rx) {
        rInput = rx == null ? null : rx.rank() == 2 ? rx : rx.view(rx.rows(), rx.cols());
        Tensor ry = rOutput.get(input.rows(), new int[] {out});
        backend.gemm(false, true, 1f, input, weight.direction(), 0f, ry);
        backend.addBias(ry, bias.direction());
        if (rInput != null) backend.gemm(false, true, 1f, rInput, weight.value(), 1f, ry);
        return ry;
    }

    /** R{dW} = R{dy}^T x + dy^T R{x}; R{db} = column sums of R{dy}; R{dx} = R{dy} W + dy V. */
    @Override
    public Tensor backwardR(Tensor rdy, boolean wantInputGrad) {
        backend.gemm(true, false, 1f, rdy, input, 0f, weight.hessianVector());
        if (rInput != null) backend.gemm(true, false, 1f, gradOutput, rInput, 1f, weight.hessianVector());
        backend.columnSums(rdy, bias.hessianVector());
        if (!wantInputGrad) return null;
        Tensor rdx = rInputGrad.get(rdy.rows(), new int[] {in});
        backend.gemm(false, false, 1f, rdy, weight.value(), 0f, rdx);
        backend.gemm(false, false, 1f, gradOutput, weight.direction(), 1f, rdx);
        return rdx;
    }

    @Override public List<Parameter> parameters() { return List.of(weight, bias); }

    @Override
    public void close() {
        weight.close();
        bias.close();
        output.close();
        inputGrad.close();
        rOutput.close();
        rInputGrad.close();
        if (biasSums != null) biasSums.close();
    }
}
