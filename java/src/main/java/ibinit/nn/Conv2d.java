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
    private Tensor weightSums, biasSums; // one pass's gradients, when passes accumulate
    private Tensor lastCols;
    private int[] lastInput;

    public Conv2d(Backend backend, String name, int inChannels, int outChannels, Window2d window) {
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
        this.bias = new Parameter(name + ".bias", Parameter.Kind.BIAS, backend.zeros(outChannels), fanIn, fanOut);
        this.weightMatrix = weight.value().view(outChannels, patch);
        this.weightGradMatrix = weight.grad().view(outChannels, patch);
        this.cols = new Buffer(backend);
        this.colsGrad = new Buffer(backend);
        this.output = new Buffer(backend);
        this.inputGrad = new Buffer(backend);
    }

    public int inChannels() { return inChannels; }
    public int outChannels() { return outChannels; }
    public Window2d window() { return window; }
    public Parameter weight() { return weight; }
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
        backend.addChannelBias(y, bias.active());
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
        // dW = sum_i dy_i cols_i^T (the first image overwrites, the rest add); db = channel sums of dy.
        // Accumulating passes sum one pass in small buffers first, then add it: the same sum in the
        // same order as a plain pass, so passes of equal gradients add up exactly.
        if (accumulate && weightSums == null) {
            weightSums = backend.zeros(outChannels, patch);
            biasSums = backend.zeros(outChannels);
        }
        Tensor dw = accumulate ? weightSums : weightGradMatrix, db = accumulate ? biasSums : bias.grad();
        if (n == 0) backend.copyFromArray(new float[Math.toIntExact(dw.size())], dw);
        for (int i = 0; i < n; i++) {
            backend.gemm(false, true, 1f, image(dy, i, outChannels, positions), image(lastCols, i, patch, positions),
                    i == 0 ? 0f : 1f, dw);
        }
        backend.channelSums(dy.view(n, outChannels, positions), db);
        if (accumulate) {
            backend.axpy(1f, weightSums, weightGradMatrix);
            backend.axpy(1f, biasSums, bias.grad());
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

    /** The weights forward and backward read, as [out, c*k*k]: the value, or its stand-in during a smoothed step. */
    private Tensor weightMatrix() {
        Tensor w = weight.active();
        return w == weight.value() ? weightMatrix : w.view(outChannels, patch);
    }

    /** Image i of a batch tensor as a rows x cols matrix over the same memory. */
    private static Tensor image(Tensor batch, int i, int rows, int cols) {
        return batch.slice(i, 1).view(rows, cols);
    }

    @Override public List<Parameter> parameters() { return List.of(weight, bias); }

    @Override
    public void close() {
        weight.close();
        bias.close();
        cols.close();
        colsGrad.close();
        output.close();
        inputGrad.close();
        if (weightSums != null) weightSums.close();
        if (biasSums != null) biasSums.close();
    }
}
