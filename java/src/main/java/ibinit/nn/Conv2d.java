package ibinit.nn;

import ibinit.backend.Backend;
import ibinit.backend.Window2d;
import ibinit.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * 2-D convolution over NCHW batches through im2col: per image i, y_i[out, oh*ow] =
 * W[out, c*k*k] x cols_i[c*k*k, oh*ow] + b, one GEMM written straight into NCHW. The weight is
 * stored [out, c, k, k] as in PyTorch (fan-in c*k*k, fan-out out*k*k), so exported weights load
 * there unchanged.
 */
public final class Conv2d implements Layer {
    private final Backend backend;
    private final int inChannels;
    private final int outChannels;
    private final Window2d window;
    private final int patch; // c*k*k: the rows of cols, the columns of W read as a matrix
    private final Parameter weight;
    private final Parameter bias;
    private final Tensor weightMatrix; // the value as [out, c*k*k]; see weightMatrix()
    private final Tensor weightGradMatrix;
    private final Buffer cols;
    private final Buffer colsGrad;
    private final Buffer output;
    private final Buffer inputGrad;
    private final Buffer rCols;
    private final Buffer rOutput;
    private final Buffer rInputGrad;
    private Tensor weightSums, biasSums; // one pass's gradients, when passes accumulate
    private Tensor lastCols;
    private int[] lastInput;
    private Tensor gradOutput;
    private Tensor lastRCols; // im2col of R{x}; null when the input does not move

    public Conv2d(Backend backend, String name, int inChannels, int outChannels, Window2d window) {
        this(backend, name, inChannels, outChannels, window, true);
    }

    /** Without {@code withBias} the layer has no bias (a residual block's convolutions, followed by a {@link ScalarBias}). */
    public Conv2d(Backend backend, String name, int inChannels, int outChannels, Window2d window, boolean withBias) {
        if (inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("conv layer needs positive channel counts, got " + inChannels + "->" + outChannels);
        }
        this.backend = backend;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.window = window;
        int k = window.kernel();
        this.patch = Math.multiplyExact(inChannels, k * k);
        int fanIn = patch, fanOut = Math.multiplyExact(outChannels, k * k);
        this.weight = new Parameter(name + ".weight", Parameter.Kind.WEIGHT, backend.zeros(outChannels, inChannels, k, k), fanIn, fanOut);
        this.bias = withBias ? new Parameter(name + ".bias", Parameter.Kind.BIAS, backend.zeros(outChannels), fanIn, fanOut) : null;
        this.weightMatrix = weight.value().view(outChannels, patch);
        this.weightGradMatrix = weight.grad().view(outChannels, patch);
        this.cols = new Buffer(backend);
        this.colsGrad = new Buffer(backend);
        this.output = new Buffer(backend);
        this.inputGrad = new Buffer(backend);
        this.rCols = new Buffer(backend);
        this.rOutput = new Buffer(backend);
        this.rInputGrad = new Buffer(backend);
    }

    public int inChannels() { return inChannels; }
    public int outChannels() { return outChannels; }
    public Window2d window() { return window; }
    public Parameter weight() { return weight; }
    /** Null for a convolution built without bias. */
    public Parameter bias() { return bias; }

    @Override
    public String describe() {
        return "conv2d " + inChannels + "->" + outChannels + " " + window.kernel() + "x" + window.kernel()
                + " s" + window.stride() + " p" + window.padding();
    }

    @Override
    public int[] outputShape(int[] in) {
        if (in.length != 3 || in[0] != inChannels || !window.fits(in[1]) || !window.fits(in[2])) {
            throw new IllegalArgumentException(describe() + " cannot take inputs of " + Arrays.toString(in));
        }
        return new int[] {outChannels, window.positions(in[1]), window.positions(in[2])};
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() != 4) throw new IllegalArgumentException(describe() + " needs [n, c, h, w] input, got " + x.describe());
        int n = x.dim(0);
        int[] out = outputShape(new int[] {x.dim(1), x.dim(2), x.dim(3)});
        int positions = out[1] * out[2];
        lastInput = x.shape();
        lastCols = cols.get(n, new int[] {patch, positions});
        backend.im2col(x, window.kernel(), window.stride(), window.padding(), lastCols);
        Tensor y = output.get(n, out);
        Tensor w = weightMatrix();
        for (int i = 0; i < n; i++) {
            backend.gemm(false, false, 1f, w, image(lastCols, i, patch, positions), 0f, image(y, i, outChannels, positions));
        }
        if (bias != null) backend.addChannelBias(y, bias.active());
        return y;
    }

    @Override
    public void backwardParametersOnly(Tensor dy) { backwardParametersOnly(dy, false); }

    @Override
    public void backwardParametersOnly(Tensor dy, boolean accumulate) {
        int n = lastInput[0];
        int positions = lastCols.dim(2);
        if (dy.dim(0) != n || dy.size() != (long) n * outChannels * positions) {
            throw new IllegalArgumentException(describe() + " got gradient " + dy.describe() + " for input "
                    + Arrays.toString(lastInput));
        }
        gradOutput = dy;
        // dW = sum_i dy_i cols_i^T (the first image overwrites, the rest add); db = channel sums of dy.
        // Accumulating passes sum one pass in small buffers first, then add it: the same sum in the
        // same order as a plain pass, so passes of equal gradients add up exactly.
        if (accumulate && weightSums == null) {
            weightSums = backend.zeros(outChannels, patch);
            if (bias != null) biasSums = backend.zeros(outChannels);
        }
        Tensor dw = accumulate ? weightSums : weightGradMatrix;
        if (n == 0) backend.copyFromArray(new float[Math.toIntExact(dw.size())], dw);
        for (int i = 0; i < n; i++) {
            backend.gemm(false, true, 1f, image(dy, i, outChannels, positions), image(lastCols, i, patch, positions),
                    i == 0 ? 0f : 1f, dw);
        }
        if (bias != null) backend.channelSums(dy.view(n, outChannels, positions), accumulate ? biasSums : bias.grad());
        if (accumulate) {
            backend.axpy(1f, weightSums, weightGradMatrix);
            if (bias != null) backend.axpy(1f, biasSums, bias.grad());
        }
    }

    @Override
    public Tensor backward(Tensor dy) { return backward(dy, false); }

    @Override
    public Tensor backward(Tensor dy, boolean accumulate) {
        backwardParametersOnly(dy, accumulate);
        // dcols_i = W^T dy_i, folded back onto the pixels by col2im.
        int n = lastInput[0];
        int positions = lastCols.dim(2);
        Tensor dcols = colsGrad.get(n, new int[] {patch, positions});
        Tensor w = weightMatrix();
        for (int i = 0; i < n; i++) {
            backend.gemm(true, false, 1f, w, image(dy, i, outChannels, positions), 0f, image(dcols, i, patch, positions));
        }
        Tensor dx = inputGrad.get(n, Arrays.copyOfRange(lastInput, 1, 4));
        backend.col2im(dcols, window.kernel(), window.stride(), window.padding(), dx);
        return dx;
    }

    /** R{y}_i = V cols_i + W rcols_i + v_b, with (V, v_b) the parameters' directions and rcols = im2col(R{x}). */
    @Override
    public Tensor forwardR(Tensor rx) {
        int n = lastInput[0];
        int positions = lastCols.dim(2);
        Tensor direction = weight.direction().view(outChannels, patch);
        Tensor ry = rOutput.get(n, new int[] {outChannels, positions});
        lastRCols = null;
        if (rx != null) {
            lastRCols = rCols.get(n, new int[] {patch, positions});
            backend.im2col(rx.rank() == 4 ? rx : rx.view(lastInput), window.kernel(), window.stride(), window.padding(), lastRCols);
        }
        for (int i = 0; i < n; i++) {
            Tensor out = image(ry, i, outChannels, positions);
            backend.gemm(false, false, 1f, direction, image(lastCols, i, patch, positions), 0f, out);
            if (lastRCols != null) backend.gemm(false, false, 1f, weightMatrix, image(lastRCols, i, patch, positions), 1f, out);
        }
        if (bias != null) backend.addChannelBias(ry, bias.direction());
        int[] shape = outputShape(new int[] {lastInput[1], lastInput[2], lastInput[3]});
        return ry.view(n, shape[0], shape[1], shape[2]);
    }

    /**
     * R{dW} = sum_i R{dy}_i cols_i^T + dy_i rcols_i^T; R{db} = channel sums of R{dy};
     * R{dcols}_i = W^T R{dy}_i + V^T dy_i, folded back by col2im.
     */
    @Override
    public Tensor backwardR(Tensor rdy, boolean wantInputGrad) {
        int n = lastInput[0];
        int positions = lastCols.dim(2);
        Tensor hv = weight.hessianVector().view(outChannels, patch);
        Tensor direction = weight.direction().view(outChannels, patch);
        if (n == 0) backend.scale(0f, hv);
        for (int i = 0; i < n; i++) {
            backend.gemm(false, true, 1f, image(rdy, i, outChannels, positions), image(lastCols, i, patch, positions),
                    i == 0 ? 0f : 1f, hv);
            if (lastRCols != null) {
                backend.gemm(false, true, 1f, image(gradOutput, i, outChannels, positions), image(lastRCols, i, patch, positions), 1f, hv);
            }
        }
        if (bias != null) backend.channelSums(rdy.view(n, outChannels, positions), bias.hessianVector());
        if (!wantInputGrad) return null;
        Tensor rdcols = colsGrad.get(n, new int[] {patch, positions});
        for (int i = 0; i < n; i++) {
            Tensor out = image(rdcols, i, patch, positions);
            backend.gemm(true, false, 1f, weightMatrix, image(rdy, i, outChannels, positions), 0f, out);
            backend.gemm(true, false, 1f, direction, image(gradOutput, i, outChannels, positions), 1f, out);
        }
        Tensor rdx = rInputGrad.get(n, Arrays.copyOfRange(lastInput, 1, 4));
        backend.col2im(rdcols, window.kernel(), window.stride(), window.padding(), rdx);
        return rdx;
    }

    /** The weights forward and backward read, as [out, c*k*k]: the value, or its stand-in during a smoothed step. */
    private Tensor weightMatrix() {
        Tensor w = weight.active();
        return w == weight.value() ? weightMatrix : w.view(outChannels, patch);
    }

    /** Image i of a batch tensor as a rows x cols matrix over the same memory. */
    private static Tensor image(Tensor batch, int i, int rows, int cols) {
        return batch.slice(i, 1).view(rows, cols);
    }

    @Override public List<Parameter> parameters() { return bias == null ? List.of(weight) : List.of(weight, bias); }

    @Override
    public void close() {
        weight.close();
        if (bias != null) bias.close();
        cols.close();
        colsGrad.close();
        output.close();
        inputGrad.close();
        rCols.close();
        rOutput.close();
        rInputGrad.close();
        if (weightSums != null) weightSums.close();
        if (biasSums != null) biasSums.close();
    }
}
