package ibinit.backend;

import ibinit.tensor.Tensor;
import ibinit.tensor.Tensor.DType;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Checks every argument once (shapes, types, ownership, open tensors) and hands the raw sizes to
 * the backend's kernel methods, which may then assume valid input.
 */
public abstract class AbstractBackend implements Backend {

    // ---- kernels the backends implement (arguments already checked) ----

    protected abstract Tensor allocateChecked(DType dtype, int[] shape);

    protected abstract void uploadChecked(MemorySegment src, long srcOffsetBytes, Tensor dst);

    protected abstract void downloadChecked(Tensor src, MemorySegment dst);

    protected abstract void copyChecked(Tensor src, Tensor dst);

    protected abstract void gemmChecked(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                        Tensor a, Tensor b, float beta, Tensor c);

    protected abstract void axpyChecked(float alpha, Tensor x, Tensor y);

    protected abstract void scaleChecked(float alpha, Tensor x);

    protected abstract void addBiasChecked(Tensor x, Tensor bias);

    protected abstract void columnSumsChecked(Tensor x, Tensor out);

    protected abstract ColumnStats columnMeanVarChecked(Tensor x, int ddof);

    protected abstract double covarianceTraceChecked(Tensor x, int ddof);

    protected abstract void logSumExpRowsChecked(Tensor x, Tensor out);

    protected abstract void activationChecked(Activation f, float param, Tensor x, Tensor y);

    protected abstract void activationBackwardChecked(Activation f, float param, Tensor x, Tensor y, Tensor dy, Tensor dx);

    protected abstract double softmaxCrossEntropyChecked(Tensor logits, Tensor labels, Tensor grad);

    protected abstract void sgdMomentumChecked(Tensor w, Tensor g, Tensor v, float lr, float momentum,
                                               float weightDecay, boolean nesterov);

    protected abstract void adamChecked(Tensor w, Tensor g, Tensor m, Tensor v, float lr, float beta1, float beta2,
                                        float eps, float weightDecay, long step);

    protected abstract void fillUniformChecked(Tensor x, RandomStream rs, float lo, float hi);

    protected abstract void fillNormalChecked(Tensor x, RandomStream rs, float mean, float std);

    protected abstract void fillTruncatedNormalChecked(Tensor x, RandomStream rs, float mean, float std, float lo, float hi);

    protected abstract int[] philoxBlocksChecked(RandomStream rs, int blocks);

    protected abstract void perturbUniformChecked(Tensor w, Tensor out, RandomStream rs, float radius);

    // ---- checks ----

    /** The tensor is open, owned by this backend and of the given type. */
    protected final void own(Tensor t, DType dtype, String role) {
        if (t == null) throw new IllegalArgumentException(role + " is null");
        t.checkOpen();
        if (t.backend() != this) {
            throw new IllegalArgumentException(role + " " + t + " belongs to another backend than " + name());
        }
        if (t.dtype() != dtype) {
            throw new IllegalArgumentException(role + " " + t.describe() + " must be " + dtype.label);
        }
    }

    private void own(Tensor t, String role) { own(t, DType.F32, role); }

    private static void sameSize(Tensor a, String ra, Tensor b, String rb) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException(ra + " " + a.describe() + " and " + rb + " " + b.describe() + " differ in size");
        }
    }

    private static void matrix(Tensor t, String role) {
        if (t.rank() != 2) throw new IllegalArgumentException(role + " " + t.describe() + " must be 2-D");
    }

    private static void finite(float v, String what) {
        if (!Float.isFinite(v)) throw new IllegalArgumentException(what + " must be finite, got " + v);
    }

    // ---- memory ----

    @Override
    public final Tensor allocate(DType dtype, int... shape) {
        Tensor.sizeOf(shape);
        return allocateChecked(dtype, shape);
    }

    @Override
    public final Tensor fromArray(float[] values, int... shape) {
        checkLength(values.length, shape);
        Tensor t = allocate(DType.F32, shape);
        copyFromArray(values, t);
        return t;
    }

    @Override
    public final Tensor fromArray(int[] values, int... shape) {
        checkLength(values.length, shape);
        Tensor t = allocate(DType.I32, shape);
        copyFromArray(values, t);
        return t;
    }

    private static void checkLength(int length, int[] shape) {
        if (Tensor.sizeOf(shape) != length) {
            throw new IllegalArgumentException(length + " values do not fill shape " + Arrays.toString(shape));
        }
    }

    @Override
    public final void copyFromArray(float[] values, Tensor dst) {
        own(dst, DType.F32, "destination");
        if (values.length != dst.size()) {
            throw new IllegalArgumentException(values.length + " values for destination " + dst.describe());
        }
        uploadChecked(MemorySegment.ofArray(values), 0, dst);
    }

    @Override
    public final void copyFromArray(int[] values, Tensor dst) {
        own(dst, DType.I32, "destination");
        if (values.length != dst.size()) {
            throw new IllegalArgumentException(values.length + " values for destination " + dst.describe());
        }
        uploadChecked(MemorySegment.ofArray(values), 0, dst);
    }

    @Override
    public final void upload(MemorySegment src, long srcOffsetBytes, Tensor dst) {
        if (dst == null) throw new IllegalArgumentException("destination is null");
        own(dst, dst.dtype(), "destination");
        if (srcOffsetBytes < 0 || srcOffsetBytes + dst.byteSize() > src.byteSize()) {
            throw new IllegalArgumentException("source of " + src.byteSize() + " bytes has no " + dst.byteSize()
                    + " bytes at offset " + srcOffsetBytes + " for " + dst.describe());
        }
        uploadChecked(src, srcOffsetBytes, dst);
    }

    @Override
    public final float[] toFloatArray(Tensor t) {
        own(t, DType.F32, "tensor");
        float[] out = new float[Math.toIntExact(t.size())];
        downloadChecked(t, MemorySegment.ofArray(out));
        return out;
    }

    @Override
    public final int[] toIntArray(Tensor t) {
        own(t, DType.I32, "tensor");
        int[] out = new int[Math.toIntExact(t.size())];
        downloadChecked(t, MemorySegment.ofArray(out));
        return out;
    }

    @Override
    public final void copy(Tensor src, Tensor dst) {
        if (src == null) throw new IllegalArgumentException("source is null");
        own(src, src.dtype(), "source");
        own(dst, src.dtype(), "destination");
        sameSize(src, "source", dst, "destination");
        copyChecked(src, dst);
    }

    // ---- linear algebra ----

    @Override
    public final void gemm(boolean transA, boolean transB, float alpha, Tensor a, Tensor b, float beta, Tensor c) {
        own(a, "a");
        own(b, "b");
        own(c, "c");
        matrix(a, "a");
        matrix(b, "b");
        matrix(c, "c");
        int m = transA ? a.dim(1) : a.dim(0);
        int k = transA ? a.dim(0) : a.dim(1);
        int kb = transB ? b.dim(1) : b.dim(0);
        int n = transB ? b.dim(0) : b.dim(1);
        if (k != kb || c.dim(0) != m || c.dim(1) != n) {
            throw new IllegalArgumentException("gemm shapes do not match: " + (transA ? "a^T " : "a ") + a.describe()
                    + " x " + (transB ? "b^T " : "b ") + b.describe() + " -> c " + c.describe());
        }
        if (m == 0 || n == 0) return;
        gemmChecked(transA, transB, m, n, k, alpha, a, b, beta, c);
    }

    @Override
    public final void axpy(float alpha, Tensor x, Tensor y) {
        own(x, "x");
        own(y, "y");
        sameSize(x, "x", y, "y");
        axpyChecked(alpha, x, y);
    }

    @Override
    public final void scale(float alpha, Tensor x) {
        own(x, "x");
        scaleChecked(alpha, x);
    }

    // ---- rows and columns ----

    @Override
    public final void addBias(Tensor x, Tensor bias) {
        own(x, "x");
        own(bias, "bias");
        if (bias.size() != x.cols()) {
            throw new IllegalArgumentException("bias " + bias.describe() + " does not match the " + x.cols()
                    + " columns of x " + x.describe());
        }
        addBiasChecked(x, bias);
    }

    @Override
    public final void columnSums(Tensor x, Tensor out) {
        own(x, "x");
        own(out, "out");
        if (out.size() != x.cols()) {
            throw new IllegalArgumentException("out " + out.describe() + " does not match the " + x.cols()
                    + " columns of x " + x.describe());
        }
        columnSumsChecked(x, out);
    }

    private static void checkDdof(Tensor x, int ddof) {
        if (ddof < 0 || x.rows() - ddof <= 0) {
            throw new IllegalArgumentException("variance of " + x.describe() + " with ddof " + ddof
                    + " needs more than " + ddof + " rows");
        }
    }

    @Override
    public final ColumnStats columnMeanVar(Tensor x, int ddof) {
        own(x, "x");
        checkDdof(x, ddof);
        return columnMeanVarChecked(x, ddof);
    }

    @Override
    public final double covarianceTrace(Tensor x, int ddof) {
        own(x, "x");
        checkDdof(x, ddof);
        return covarianceTraceChecked(x, ddof);
    }

    @Override
    public final void logSumExpRows(Tensor x, Tensor out) {
        own(x, "x");
        own(out, "out");
        if (x.cols() == 0) throw new IllegalArgumentException("log-sum-exp of " + x.describe() + " has no columns");
        if (out.size() != x.rows()) {
            throw new IllegalArgumentException("out " + out.describe() + " does not match the " + x.rows()
                    + " rows of x " + x.describe());
        }
        logSumExpRowsChecked(x, out);
    }

    // ---- activations ----

    @Override
    public final void activation(Activation f, float param, Tensor x, Tensor y) {
        if (f == null) throw new IllegalArgumentException("activation is null");
        own(x, "x");
        own(y, "y");
        sameSize(x, "x", y, "y");
        activationChecked(f, param, x, y);
    }

    @Override
    public final void activationBackward(Activation f, float param, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        if (f == null) throw new IllegalArgumentException("activation is null");
        own(x, "x");
        own(y, "y");
        own(dy, "dy");
        own(dx, "dx");
        sameSize(x, "x", y, "y");
        sameSize(x, "x", dy, "dy");
        sameSize(x, "x", dx, "dx");
        activationBackwardChecked(f, param, x, y, dy, dx);
    }

    // ---- loss ----

    @Override
    public final double softmaxCrossEntropy(Tensor logits, Tensor labels, Tensor grad) {
        own(logits, "logits");
        own(labels, DType.I32, "labels");
        matrix(logits, "logits");
        if (labels.size() != logits.rows()) {
            throw new IllegalArgumentException("labels " + labels.describe() + " do not match the " + logits.rows()
                    + " rows of logits " + logits.describe());
        }
        if (logits.rows() == 0 || logits.cols() == 0) {
            throw new IllegalArgumentException("cross-entropy of empty logits " + logits.describe());
        }
        if (grad != null) {
            own(grad, "grad");
            sameSize(logits, "logits", grad, "grad");
        }
        checkLabels("cross-entropy", labels, logits.cols());
        return softmaxCrossEntropyChecked(logits, labels, grad);
    }

    // ---- optimizers ----

    @Override
    public final void sgdMomentum(Tensor w, Tensor g, Tensor v, float lr, float momentum, float weightDecay, boolean nesterov) {
        own(w, "weights");
        own(g, "gradient");
        own(v, "momentum buffer");
        sameSize(w, "weights", g, "gradient");
        sameSize(w, "weights", v, "momentum buffer");
        finite(lr, "learning rate");
        finite(momentum, "momentum");
        finite(weightDecay, "weight decay");
        sgdMomentumChecked(w, g, v, lr, momentum, weightDecay, nesterov);
    }

    @Override
    public final void adam(Tensor w, Tensor g, Tensor m, Tensor v, float lr, float beta1, float beta2, float eps,
                           float weightDecay, long step) {
        own(w, "weights");
        own(g, "gradient");
        own(m, "first moment");
        own(v, "second moment");
        sameSize(w, "weights", g, "gradient");
        sameSize(w, "weights", m, "first moment");
        sameSize(w, "weights", v, "second moment");
        if (step < 1) throw new IllegalArgumentException("Adam step counts from 1, got " + step);
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must lie in [0, 1), got " + beta1 + ", " + beta2);
        }
        finite(lr, "learning rate");
        finite(eps, "epsilon");
        finite(weightDecay, "weight decay");
        adamChecked(w, g, m, v, lr, beta1, beta2, eps, weightDecay, step);
    }

    // ---- random numbers ----

    @Override
    public final void fillUniform(Tensor x, RandomStream rs, float lo, float hi) {
        if (rs == null) throw new IllegalArgumentException("random stream is null");
        own(x, "x");
        finite(lo, "lower bound");
        finite(hi, "upper bound");
        if (!(lo <= hi)) throw new IllegalArgumentException("uniform range [" + lo + ", " + hi + "] is empty");
        fillUniformChecked(x, rs, lo, hi);
    }

    @Override
    public final void perturbUniform(Tensor w, Tensor out, RandomStream rs, float radius) {
        if (rs == null) throw new IllegalArgumentException("random stream is null");
        own(w, "weights");
        own(out, "perturbed weights");
        sameSize(w, "weights", out, "perturbed weights");
        if (!(radius >= 0) || !Float.isFinite(radius)) throw new IllegalArgumentException("radius must be finite and >= 0, got " + radius);
        perturbUniformChecked(w, out, rs, radius);
    }

    @Override
    public final void fillNormal(Tensor x, RandomStream rs, float mean, float std) {
        if (rs == null) throw new IllegalArgumentException("random stream is null");
        own(x, "x");
        finite(mean, "mean");
        if (!(std >= 0) || !Float.isFinite(std)) throw new IllegalArgumentException("standard deviation must be finite and >= 0, got " + std);
        fillNormalChecked(x, rs, mean, std);
    }

    @Override
    public final void fillTruncatedNormal(Tensor x, RandomStream rs, float mean, float std, float lo, float hi) {
        if (rs == null) throw new IllegalArgumentException("random stream is null");
        own(x, "x");
        finite(mean, "mean");
        finite(lo, "lower bound");
        finite(hi, "upper bound");
        if (!(std > 0) || !Float.isFinite(std)) throw new IllegalArgumentException("standard deviation must be finite and > 0, got " + std);
        TruncationRange.check(mean, std, lo, hi);
        fillTruncatedNormalChecked(x, rs, mean, std, lo, hi);
    }

    @Override
    public final int[] philoxBlocks(RandomStream rs, int blocks) {
        if (rs == null) throw new IllegalArgumentException("random stream is null");
        if (blocks < 0) throw new IllegalArgumentException("block count must be >= 0, got " + blocks);
        return philoxBlocksChecked(rs, blocks);
    }

    // ---- convolution and pooling (NCHW): kernels, then the checks ----

    /** x [n, c, h, w] -> cols [n, c*k*k, oh*ow]; the geometry comes from x. */
    protected abstract void im2colChecked(Tensor x, Window2d window, Tensor cols);

    /** cols [n, c*k*k, oh*ow] -> dx [n, c, h, w] (overwritten); the geometry comes from dx. */
    protected abstract void col2imChecked(Tensor cols, Window2d window, Tensor dx);

    /** x read as [n, c, rest] with n = x.dim(0), c = x.dim(1). */
    protected abstract void addChannelBiasChecked(Tensor x, Tensor bias);

    protected abstract void channelSumsChecked(Tensor x, Tensor out);

    protected abstract void maxPoolChecked(Tensor x, Window2d window, Tensor y, Tensor argmax);

    /** dx [n, c, h, w] (overwritten) gives the geometry. */
    protected abstract void maxPoolBackwardChecked(Tensor dy, Tensor argmax, Window2d window, Tensor dx);

    @Override
    public final void im2col(Tensor x, int kernel, int stride, int padding, Tensor cols) {
        own(x, "x");
        own(cols, "cols");
        Window2d win = new Window2d(kernel, stride, padding);
        images(x, "x", win);
        expectShape(cols, "cols", "[n, c*k*k, oh*ow]", colsShape(x, win), "x " + x.describe() + " and a " + win);
        if (x.size() == 0 || cols.size() == 0) return;
        im2colChecked(x, win, cols);
    }

    @Override
    public final void col2im(Tensor cols, int kernel, int stride, int padding, Tensor dx) {
        own(cols, "cols");
        own(dx, "dx");
        Window2d win = new Window2d(kernel, stride, padding);
        images(dx, "dx", win);
        expectShape(cols, "cols", "[n, c*k*k, oh*ow]", colsShape(dx, win), "dx " + dx.describe() + " and a " + win);
        if (dx.size() == 0) return;
        col2imChecked(cols, win, dx);
    }

    @Override
    public final void addChannelBias(Tensor x, Tensor bias) {
        own(x, "x");
        own(bias, "bias");
        channels(x, "x", bias, "bias");
        if (x.size() == 0) return;
        addChannelBiasChecked(x, bias);
    }

    @Override
    public final void channelSums(Tensor x, Tensor out) {
        own(x, "x");
        own(out, "out");
        channels(x, "x", out, "out");
        channelSumsChecked(x, out);
    }

    @Override
    public final void maxPool(Tensor x, int kernel, int stride, int padding, Tensor y, Tensor argmax) {
        own(x, "x");
        own(y, "y");
        own(argmax, DType.I32, "argmax");
        Window2d win = poolWindow(kernel, stride, padding);
        images(x, "x", win);
        String why = "x " + x.describe() + " and a " + win;
        expectShape(y, "y", "[n, c, oh, ow]", pooledShape(x, win), why);
        expectShape(argmax, "argmax", "[n, c, oh, ow]", pooledShape(x, win), why);
        if (y.size() == 0) return;
        maxPoolChecked(x, win, y, argmax);
    }

    @Override
    public final void maxPoolBackward(Tensor dy, Tensor argmax, int kernel, int stride, int padding, Tensor dx) {
        own(dy, "dy");
        own(argmax, DType.I32, "argmax");
        own(dx, "dx");
        Window2d win = poolWindow(kernel, stride, padding);
        images(dx, "dx", win);
        String why = "dx " + dx.describe() + " and a " + win;
        expectShape(dy, "dy", "[n, c, oh, ow]", pooledShape(dx, win), why);
        expectShape(argmax, "argmax", "[n, c, oh, ow]", pooledShape(dx, win), why);
        if (dx.size() == 0) return;
        maxPoolBackwardChecked(dy, argmax, win, dx);
    }

    /** PyTorch's rule: padding at most half the kernel, so every window holds a real pixel. */
    private static Window2d poolWindow(int kernel, int stride, int padding) {
        Window2d win = new Window2d(kernel, stride, padding);
        if (padding > kernel / 2) {
            throw new IllegalArgumentException("max-pool padding " + padding + " exceeds half the kernel " + kernel
                    + " (a window could hold only padding)");
        }
        return win;
    }

    /** A 4-D [n, c, h, w] tensor whose planes the window fits and whose pixels int32 can index. */
    private static void images(Tensor t, String role, Window2d win) {
        if (t.rank() != 4) throw new IllegalArgumentException(role + " " + t.describe() + " must be 4-D [n, c, h, w]");
        if (!win.fits(t.dim(2)) || !win.fits(t.dim(3))) {
            throw new IllegalArgumentException("a " + win + " does not fit the " + t.dim(2) + "x" + t.dim(3)
                    + " planes of " + role + " " + t.describe());
        }
        if ((long) t.dim(2) * t.dim(3) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the planes of " + role + " " + t.describe() + " exceed 2^31 pixels");
        }
    }

    private static int[] colsShape(Tensor image, Window2d win) {
        long rows = (long) image.dim(1) * win.kernel() * win.kernel();
        long positions = (long) win.positions(image.dim(2)) * win.positions(image.dim(3));
        if (rows > Integer.MAX_VALUE || positions > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("im2col of " + image.describe() + " with a " + win
                    + " needs " + rows + " x " + positions + " entries per image, beyond int dimensions");
        }
        return new int[] {image.dim(0), (int) rows, (int) positions};
    }

    private static int[] pooledShape(Tensor image, Window2d win) {
        return new int[] {image.dim(0), image.dim(1), win.positions(image.dim(2)), win.positions(image.dim(3))};
    }

    private static void expectShape(Tensor t, String role, String meaning, int[] want, String why) {
        if (!Arrays.equals(t.shape(), want)) {
            StringBuilder w = new StringBuilder("[");
            for (int i = 0; i < want.length; i++) w.append(i > 0 ? "x" : "").append(want[i]);
            throw new IllegalArgumentException(role + " " + t.describe() + " must be " + meaning + " = " + w + "] for " + why);
        }
    }

    /** x of rank >= 2 read as [n, c, rest]; perChannel has one entry per channel. */
    private static void channels(Tensor x, String role, Tensor perChannel, String channelRole) {
        if (x.rank() < 2) {
            throw new IllegalArgumentException(role + " " + x.describe() + " needs a channel dimension: [n, c, ...]");
        }
        if (perChannel.size() != x.dim(1)) {
            throw new IllegalArgumentException(channelRole + " " + perChannel.describe() + " does not match the " + x.dim(1)
                    + " channels of " + role + " " + x.describe());
        }
    }

    /**
     * Every label in [0, classes), checked here in Java before any kernel sees it: a bad label is
     * the caller's mistake (IllegalArgumentException), while a non-zero native status is always
     * an internal failure. Costs one read of the labels (a few hundred bytes a batch).
     */
    private void checkLabels(String op, Tensor labels, int classes) {
        int[] y = toIntArray(labels);
        for (int r = 0; r < y.length; r++) {
            if (y[r] < 0 || y[r] >= classes) {
                throw new IllegalArgumentException(op + ": label " + y[r] + " of row " + r + " is outside 0.." + (classes - 1));
            }
        }
    }

    // ---- neuron campaign (IBCI) ----

    protected abstract void classColumnMomentsChecked(Tensor z, Tensor labels, int classes, double[] sums, double[] sumSquares);

    protected abstract int[] greedySelectChecked(Tensor candidates, double[] scores, int count);

    @Override
    public final void classColumnMoments(Tensor z, Tensor labels, int classes, double[] sums, double[] sumSquares) {
        own(z, DType.F32, "z");
        own(labels, DType.I32, "labels");
        matrix(z, "z");
        if (labels.size() != z.rows()) {
            throw new IllegalArgumentException("labels " + labels.describe() + " do not match the " + z.rows() + " rows of z " + z.describe());
        }
        if (classes < 1) throw new IllegalArgumentException("class count must be >= 1, got " + classes);
        long cells = (long) classes * z.cols();
        if (sums == null || sumSquares == null || sums.length != cells || sumSquares.length != cells) {
            throw new IllegalArgumentException("class column moments of " + z.describe() + " over " + classes
                    + " classes need sums and sums of squares of length " + cells);
        }
        if (z.rows() == 0 || z.cols() == 0) return;
        checkLabels("class column moments", labels, classes);
        classColumnMomentsChecked(z, labels, classes, sums, sumSquares);
    }

    @Override
    public final int[] greedySelect(Tensor candidates, double[] scores, int count) {
        own(candidates, DType.F32, "candidates");
        matrix(candidates, "candidates");
        if (scores == null || scores.length != candidates.rows()) {
            throw new IllegalArgumentException("greedy selection over candidates " + candidates.describe() + " needs "
                    + candidates.rows() + " scores, got " + (scores == null ? "none" : scores.length));
        }
        for (int j = 0; j < scores.length; j++) {
            if (!Double.isFinite(scores[j])) throw new IllegalArgumentException("score " + j + " is " + scores[j] + ", not finite");
        }
        if (count < 0) throw new IllegalArgumentException("selection count must be >= 0, got " + count);
        if (count == 0 || candidates.rows() == 0 || candidates.cols() == 0) return new int[0];
        return greedySelectChecked(candidates, scores, count);
    }

    // ---- dense layers and row gathers for the information estimators (ibinit.info) ----

    protected abstract void denseActivationForwardChecked(Tensor x, Tensor w, Tensor b, Activation f, float param, Tensor y);

    /** dx may be null. */
    protected abstract void denseActivationBackwardChecked(Tensor x, Tensor w, Activation f, float param, Tensor y,
                                                           Tensor dy, Tensor dw, Tensor db, Tensor dx);

    /** rows is never null here (the identity is spelled out) and every entry is a row of src. */
    protected abstract void gatherRowsChecked(Tensor src, int srcCol, int[] rows, Tensor dst, int dstCol, int cols);

    /** Checks a dense layer's operands: x [rows, in], w [out, in], y [rows, out]; returns nothing, throws on mismatch. */
    private void denseShapes(Tensor x, Tensor w, Tensor y, String yRole) {
        own(x, DType.F32, "x");
        own(w, DType.F32, "w");
        own(y, DType.F32, yRole);
        matrix(x, "x");
        matrix(w, "w");
        matrix(y, yRole);
        if (x.dim(1) != w.dim(1) || y.dim(0) != x.dim(0) || y.dim(1) != w.dim(0)) {
            throw new IllegalArgumentException("dense shapes do not match: x " + x.describe() + ", w " + w.describe()
                    + " ([out, in]), " + yRole + " " + y.describe());
        }
    }

    private static void denseActivation(Activation f, float param) {
        if (f == null) throw new IllegalArgumentException("activation is null");
        finite(param, "activation parameter");
        if (f == Activation.LEAKY_RELU && param < 0) {
            throw new IllegalArgumentException("fused dense layers need a leaky-ReLU slope >= 0 (f' is read from y), got " + param);
        }
    }

    private void sameShape(Tensor a, String ra, Tensor b, String rb) {
        own(b, DType.F32, rb);
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(rb + " " + b.describe() + " must have the shape of " + ra + " " + a.describe());
        }
    }

    @Override
    public final void denseActivationForward(Tensor x, Tensor w, Tensor b, Activation f, float param, Tensor y) {
        denseActivation(f, param);
        denseShapes(x, w, y, "y");
        own(b, DType.F32, "b");
        if (b.size() != w.dim(0)) {
            throw new IllegalArgumentException("bias " + b.describe() + " does not match the " + w.dim(0) + " outputs of w " + w.describe());
        }
        if (y.size() == 0) return;
        denseActivationForwardChecked(x, w, b, f, param, y);
    }

    @Override
    public final void denseActivationBackward(Tensor x, Tensor w, Activation f, float param, Tensor y, Tensor dy,
                                              Tensor dw, Tensor db, Tensor dx) {
        denseActivation(f, param);
        denseShapes(x, w, y, "y");
        sameShape(y, "y", dy, "dy");
        sameShape(w, "w", dw, "dw");
        own(db, DType.F32, "db");
        if (db.size() != w.dim(0)) {
            throw new IllegalArgumentException("db " + db.describe() + " does not match the " + w.dim(0) + " outputs of w " + w.describe());
        }
        if (dx != null) sameShape(x, "x", dx, "dx");
        denseActivationBackwardChecked(x, w, f, param, y, dy, dw, db, dx);
    }

    @Override
    public final void gatherRows(Tensor src, int srcCol, int[] rows, Tensor dst, int dstCol, int cols) {
        own(src, DType.F32, "source");
        own(dst, DType.F32, "destination");
        int srcRows = src.rows(), srcCols = src.cols(), dstRows = dst.rows();
        if (cols < 0 || srcCol < 0 || dstCol < 0 || srcCol + cols > srcCols || dstCol + cols > dst.cols()) {
            throw new IllegalArgumentException("cannot copy " + cols + " columns from column " + srcCol + " of "
                    + src.describe() + " to column " + dstCol + " of " + dst.describe());
        }
        if (rows == null) {
            if (dstRows > srcRows) {
                throw new IllegalArgumentException("source " + src.describe() + " has fewer rows than destination " + dst.describe());
            }
            rows = new int[dstRows];
            for (int r = 0; r < dstRows; r++) rows[r] = r;
        } else {
            if (rows.length > dstRows) {
                throw new IllegalArgumentException(rows.length + " row indices for destination " + dst.describe());
            }
            for (int r = 0; r < rows.length; r++) {
                if (rows[r] < 0 || rows[r] >= srcRows) {
                    throw new IllegalArgumentException("row index " + rows[r] + " (entry " + r + ") is outside source " + src.describe());
                }
            }
        }
        if (rows.length == 0 || cols == 0) return;
        gatherRowsChecked(src, srcCol, rows, dst, dstCol, cols);
    }

    // ---- second order (R-operator) ----

    protected abstract void activationBackwardRChecked(Activation f, float param, Tensor x, Tensor y, Tensor dy, Tensor rx,
                                                       Tensor rdy, Tensor rdx);

    protected abstract void softmaxCrossEntropyRChecked(Tensor logits, Tensor rLogits, Tensor out);

    /** x [n, c, h, w], argmax and y [n, c, oh, ow]. */
    protected abstract void maxPoolGatherChecked(Tensor x, Tensor argmax, Tensor y);

    @Override
    public final void activationBackwardR(Activation f, float param, Tensor x, Tensor y, Tensor dy, Tensor rx, Tensor rdy,
                                          Tensor rdx) {
        if (f == null) throw new IllegalArgumentException("activation is null");
        own(x, "x");
        own(y, "y");
        own(dy, "dy");
        own(rx, "rx");
        own(rdy, "rdy");
        own(rdx, "rdx");
        sameSize(x, "x", y, "y");
        sameSize(x, "x", dy, "dy");
        sameSize(x, "x", rx, "rx");
        sameSize(x, "x", rdy, "rdy");
        sameSize(x, "x", rdx, "rdx");
        activationBackwardRChecked(f, param, x, y, dy, rx, rdy, rdx);
    }

    @Override
    public final void softmaxCrossEntropyR(Tensor logits, Tensor rLogits, Tensor out) {
        own(logits, "logits");
        own(rLogits, "rLogits");
        own(out, "out");
        matrix(logits, "logits");
        if (logits.rows() == 0 || logits.cols() == 0) {
            throw new IllegalArgumentException("cross-entropy of empty logits " + logits.describe());
        }
        sameSize(logits, "logits", rLogits, "rLogits");
        sameSize(logits, "logits", out, "out");
        if (out.segment().address() == logits.segment().address() || out.segment().address() == rLogits.segment().address()) {
            throw new IllegalArgumentException("out " + out.describe() + " must not be an input of softmaxCrossEntropyR");
        }
        softmaxCrossEntropyRChecked(logits, rLogits, out);
    }

    @Override
    public final void maxPoolGather(Tensor x, Tensor argmax, Tensor y) {
        own(x, "x");
        own(argmax, DType.I32, "argmax");
        own(y, "y");
        if (x.rank() != 4 || y.rank() != 4 || !Arrays.equals(argmax.shape(), y.shape())
                || x.dim(0) != y.dim(0) || x.dim(1) != y.dim(1)) {
            throw new IllegalArgumentException("max-pool gather needs x [n, c, h, w] and argmax, y [n, c, oh, ow], got x "
                    + x.describe() + ", argmax " + argmax.describe() + ", y " + y.describe());
        }
        if (y.size() == 0) return;
        maxPoolGatherChecked(x, argmax, y);
    }

    // ---- sparse filtering (ibinit.sparse) ----

    protected abstract double sparseFilteringGradientChecked(Tensor f, Tensor delta);

    @Override
    public final double sparseFilteringGradient(Tensor f, Tensor delta) {
        own(f, DType.F32, "f");
        matrix(f, "f");
        sameShape(f, "f", delta, "delta");
        long fa = f.segment().address(), da = delta.segment().address();
        if (f.byteSize() > 0 && fa < da + delta.byteSize() && da < fa + f.byteSize()) {
            throw new IllegalArgumentException("delta must not share memory with f " + f.describe());
        }
        if (f.size() == 0) return 0;
        return sparseFilteringGradientChecked(f, delta);
    }

    @Override
    public String toString() { return name(); }
}
