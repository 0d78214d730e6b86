package ibinit.backend.ref;

import ibinit.backend.AbstractBackend;
import ibinit.backend.Activation;
import ibinit.backend.ColumnStats;
import ibinit.backend.RandomStream;
import ibinit.backend.Window2d;
import ibinit.rng.Philox;
import ibinit.tensor.Tensor;
import ibinit.tensor.Tensor.DType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The test oracle: each op is written the obvious way, for correctness, not speed. Values are
 * copied to Java arrays, computed, and written back, so aliased arguments (y = x, dx = dy) are
 * safe. Sums accumulate in double; elementwise rules follow native/include/ibinit_scalar.h in
 * float. Single-threaded.
 */
public class ReferenceBackend extends AbstractBackend { // not final: tests subclass it to count calls

    public ReferenceBackend() { }

    @Override public String name() { return "java"; }
    @Override public int threads() { return 1; }
    @Override public void synchronize() { }
    @Override public void close() { } // each tensor owns its own arena

    // ---- memory ----

    @Override
    protected Tensor allocateChecked(DType dtype, int[] shape) {
        long bytes = Tensor.sizeOf(shape) * dtype.bytes;
        Arena arena = Arena.ofShared();
        try {
            MemorySegment segment = arena.allocate(bytes, 64); // zero-filled
            return new Tensor(this, dtype, shape, segment, arena::close);
        } catch (RuntimeException | OutOfMemoryError e) {
            arena.close();
            throw e;
        }
    }

    @Override
    protected void uploadChecked(MemorySegment src, long srcOffsetBytes, Tensor dst) {
        MemorySegment.copy(src, srcOffsetBytes, dst.segment(), 0, dst.byteSize());
    }

    @Override
    protected void downloadChecked(Tensor src, MemorySegment dst) {
        MemorySegment.copy(src.segment(), 0, dst, 0, src.byteSize());
    }

    @Override
    protected void copyChecked(Tensor src, Tensor dst) {
        MemorySegment.copy(src.segment(), 0, dst.segment(), 0, src.byteSize());
    }

    private static float[] read(Tensor t) {
        return t.segment().asSlice(0, t.byteSize()).toArray(ValueLayout.JAVA_FLOAT);
    }

    private static int[] readInts(Tensor t) {
        return t.segment().asSlice(0, t.byteSize()).toArray(ValueLayout.JAVA_INT);
    }

    private static void write(float[] values, Tensor t) {
        MemorySegment.copy(values, 0, t.segment(), ValueLayout.JAVA_FLOAT, 0, values.length);
    }

    // ---- linear algebra ----

    @Override
    protected void gemmChecked(boolean transA, boolean transB, int m, int n, int k, float alpha,
                               Tensor a, Tensor b, float beta, Tensor c) {
        float[] av = read(a), bv = read(b), cv = read(c);
        int lda = a.dim(1), ldb = b.dim(1);
        // opA[i][p] = op(A)(i, p) and opBt[j][p] = op(B)(p, j): both dot products then run over p.
        double[][] opA = new double[m][k];
        double[][] opBt = new double[n][k];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) opA[i][p] = transA ? av[p * lda + i] : av[i * lda + p];
        }
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < k; p++) opBt[j][p] = transB ? bv[j * ldb + p] : bv[p * ldb + j];
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) sum += opA[i][p] * opBt[j][p];
                // As BLAS: beta = 0 means c is not read, so NaN or garbage there does not leak in.
                double old = beta == 0 ? 0 : (double) beta * cv[i * n + j];
                cv[i * n + j] = (float) ((double) alpha * sum + old);
            }
        }
        write(cv, c);
    }

    @Override
    protected void axpyChecked(float alpha, Tensor x, Tensor y) {
        float[] xv = read(x), yv = read(y);
        for (int i = 0; i < yv.length; i++) yv[i] += alpha * xv[i];
        write(yv, y);
    }

    @Override
    protected void scaleChecked(float alpha, Tensor x) {
        float[] xv = read(x);
        for (int i = 0; i < xv.length; i++) xv[i] *= alpha;
        write(xv, x);
    }

    // ---- rows and columns ----

    @Override
    protected void addBiasChecked(Tensor x, Tensor bias) {
        float[] xv = read(x), bv = read(bias);
        int cols = bv.length;
        for (int i = 0; i < xv.length; i++) xv[i] += bv[i % cols];
        write(xv, x);
    }

    @Override
    protected void columnSumsChecked(Tensor x, Tensor out) {
        write(toFloat(columnSumsDouble(read(x), x.rows(), x.cols())), out);
    }

    private static double[] columnSumsDouble(float[] xv, int rows, int cols) {
        double[] sums = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) sums[c] += xv[r * cols + c];
        }
        return sums;
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) v[i];
        return out;
    }

    /** Two passes in double: the mean first, then the squared deviations from it. */
    @Override
    protected ColumnStats columnMeanVarChecked(Tensor x, int ddof) {
        float[] xv = read(x);
        int rows = x.rows(), cols = x.cols();
        double[] mean = columnSumsDouble(xv, rows, cols);
        for (int c = 0; c < cols; c++) mean[c] /= rows;
        double[] var = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double d = xv[r * cols + c] - mean[c];
                var[c] += d * d;
            }
        }
        for (int c = 0; c < cols; c++) var[c] /= rows - ddof;
        return new ColumnStats(mean, var);
    }

    @Override
    protected double covarianceTraceChecked(Tensor x, int ddof) {
        return columnMeanVarChecked(x, ddof).varianceSum();
    }

    @Override
    protected void logSumExpRowsChecked(Tensor x, Tensor out) {
        float[] xv = read(x);
        int rows = x.rows(), cols = x.cols();
        float[] result = new float[rows];
        for (int r = 0; r < rows; r++) result[r] = (float) logSumExp(xv, r * cols, cols);
        write(result, out);
    }

    /** log sum exp(v[from .. from+n)), shifted by the maximum so large values cannot overflow. */
    private static double logSumExp(float[] v, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + n; i++) max = Math.max(max, v[i]);
        if (Double.isInfinite(max)) return max; // all -inf, or a +inf present: inf - inf would give NaN
        double sum = 0;
        for (int i = from; i < from + n; i++) sum += Math.exp(v[i] - max);
        return max + Math.log(sum);
    }

    // ---- activations ----

    @Override
    protected void activationChecked(Activation f, float param, Tensor x, Tensor y) {
        float[] v = read(x);
        for (int i = 0; i < v.length; i++) v[i] = apply(f, param, v[i]);
        write(v, y);
    }

    /** ibinit_act, in float. */
    static float apply(Activation f, float param, float x) {
        return switch (f) {
            case RELU -> x > 0.0f ? x : 0.0f;
            case LEAKY_RELU -> x > 0.0f ? x : param * x;
            case TANH -> (float) Math.tanh(x);
            case SIGMOID -> 1.0f / (1.0f + (float) Math.exp(-x));
            case IDENTITY -> x;
        };
    }

    @Override
    protected void activationBackwardChecked(Activation f, float param, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        float[] xv = read(x), yv = read(y), g = read(dy);
        for (int i = 0; i < g.length; i++) g[i] = g[i] * derivative(f, param, xv[i], yv[i]);
        write(g, dx);
    }

    /** ibinit_act_grad: from x for the piecewise-linear ones, from y = f(x) for tanh and sigmoid. */
    static float derivative(Activation f, float param, float x, float y) {
        return switch (f) {
            case RELU -> x > 0.0f ? 1.0f : 0.0f;
            case LEAKY_RELU -> x > 0.0f ? 1.0f : param;
            case TANH -> 1.0f - y * y;
            case SIGMOID -> y * (1.0f - y);
            case IDENTITY -> 1.0f;
        };
    }

    /** ibinit_act_grad2: f'' from y for tanh and sigmoid, 0 for the piecewise-linear ones. */
    static float secondDerivative(Activation f, float y) {
        return switch (f) {
            case TANH -> -2.0f * y * (1.0f - y * y);
            case SIGMOID -> y * (1.0f - y) * (1.0f - 2.0f * y);
            case RELU, LEAKY_RELU, IDENTITY -> 0.0f;
        };
    }

    @Override
    protected void activationBackwardRChecked(Activation f, float param, Tensor x, Tensor y, Tensor dy, Tensor rx, Tensor rdy,
                                              Tensor rdx) {
        float[] xv = read(x), yv = read(y), g = read(dy), r = read(rx), rg = read(rdy);
        for (int i = 0; i < g.length; i++) {
            rg[i] = rg[i] * derivative(f, param, xv[i], yv[i]) + g[i] * secondDerivative(f, yv[i]) * r[i];
        }
        write(rg, rdx);
    }

    // ---- loss ----

    @Override
    protected double softmaxCrossEntropyChecked(Tensor logits, Tensor labels, Tensor grad) {
        float[] z = read(logits);
        int[] y = readInts(labels);
        int rows = logits.rows(), cols = logits.cols();
        for (int r = 0; r < rows; r++) {
            if (y[r] < 0 || y[r] >= cols) {
                throw new IllegalArgumentException("label " + y[r] + " in row " + r + " is outside the "
                        + cols + " classes of logits " + logits.describe());
            }
        }
        double total = 0;
        float[] g = grad == null ? null : new float[z.length];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            double lse = logSumExp(z, base, cols);
            total += lse - z[base + y[r]];
            if (g != null) {
                for (int c = 0; c < cols; c++) {
                    double p = Math.exp(z[base + c] - lse);
                    g[base + c] = (float) ((p - (c == y[r] ? 1.0 : 0.0)) / rows);
                }
            }
        }
        if (g != null) write(g, grad);
        return total / rows;
    }

    /** p (r - <p, r>) / rows per row, in double. */
    @Override
    protected void softmaxCrossEntropyRChecked(Tensor logits, Tensor rLogits, Tensor out) {
        float[] z = read(logits), r = read(rLogits);
        int rows = logits.rows(), cols = logits.cols();
        float[] o = new float[z.length];
        for (int row = 0; row < rows; row++) {
            int base = row * cols;
            double lse = logSumExp(z, base, cols);
            double dot = 0;
            for (int c = 0; c < cols; c++) dot += Math.exp(z[base + c] - lse) * r[base + c];
            for (int c = 0; c < cols; c++) o[base + c] = (float) (Math.exp(z[base + c] - lse) * (r[base + c] - dot) / rows);
        }
        write(o, out);
    }

    // ---- optimizers: ibinit_sgd_step and ibinit_adam_step, in float ----

    @Override
    protected void sgdMomentumChecked(Tensor w, Tensor g, Tensor v, float lr, float momentum, float weightDecay,
                                      boolean nesterov) {
        float[] wv = read(w), gv = read(g), vv = read(v);
        for (int i = 0; i < wv.length; i++) {
            float gw = gv[i] + weightDecay * wv[i];
            float vn = momentum * vv[i] + gw;
            vv[i] = vn;
            wv[i] -= lr * (nesterov ? gw + momentum * vn : vn);
        }
        write(wv, w);
        write(vv, v);
    }

    @Override
    protected void adamChecked(Tensor w, Tensor g, Tensor m, Tensor v, float lr, float beta1, float beta2, float eps,
                               float weightDecay, long step) {
        float[] wv = read(w), gv = read(g), mv = read(m), vv = read(v);
        // Bias corrections c1 = 1 - b1^t, c2 = 1 - b2^t, computed in double and rounded once.
        float c1 = (float) (1.0 - Math.pow(beta1, step));
        float c2 = (float) (1.0 - Math.pow(beta2, step));
        for (int i = 0; i < wv.length; i++) {
            float gw = gv[i] + weightDecay * wv[i];
            float mn = beta1 * mv[i] + (1.0f - beta1) * gw;
            float vn = beta2 * vv[i] + (1.0f - beta2) * gw * gw;
            mv[i] = mn;
            vv[i] = vn;
            float mhat = mn / c1;
            float vhat = vn / c2;
            wv[i] -= lr * mhat / ((float) Math.sqrt(vhat) + eps);
        }
        write(wv, w);
        write(mv, m);
        write(vv, v);
    }

    // ---- random numbers: element i uses Philox index rs.offset() + i ----

    @Override
    protected void fillUniformChecked(Tensor x, RandomStream rs, float lo, float hi) {
        float[] v = new float[Math.toIntExact(x.size())];
        for (int i = 0; i < v.length; i++) v[i] = Philox.uniformAt(rs.seed(), rs.stream(), rs.offset() + i, lo, hi);
        write(v, x);
    }

    @Override
    protected void perturbUniformChecked(Tensor w, Tensor out, RandomStream rs, float radius) {
        float[] v = read(w);
        for (int i = 0; i < v.length; i++) v[i] = Philox.perturbAt(v[i], rs.seed(), rs.stream(), rs.offset() + i, radius);
        write(v, out);
    }

    @Override
    protected void fillNormalChecked(Tensor x, RandomStream rs, float mean, float std) {
        float[] v = new float[Math.toIntExact(x.size())];
        for (int i = 0; i < v.length; i++) v[i] = Philox.normalAt(rs.seed(), rs.stream(), rs.offset() + i, mean, std);
        write(v, x);
    }

    @Override
    protected void fillTruncatedNormalChecked(Tensor x, RandomStream rs, float mean, float std, float lo, float hi) {
        float[] v = new float[Math.toIntExact(x.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = Philox.truncatedNormalAt(rs.seed(), rs.stream(), rs.offset() + i, mean, std, lo, hi);
        }
        write(v, x);
    }

    @Override
    protected int[] philoxBlocksChecked(RandomStream rs, int blocks) {
        int[] out = new int[Math.multiplyExact(4, blocks)];
        int[] b = new int[4];
        for (int i = 0; i < blocks; i++) {
            Philox.block(rs.seed(), rs.stream(), rs.offset() + i, 0, b);
            System.arraycopy(b, 0, out, 4 * i, 4);
        }
        return out;
    }

    // ---- convolution and pooling: loops in ReferenceWindows; the image tensor gives the geometry ----

    @Override
    protected void im2colChecked(Tensor x, Window2d win, Tensor cols) {
        write(ReferenceWindows.im2col(read(x), x.dim(0), x.dim(1), x.dim(2), x.dim(3), win), cols);
    }

    @Override
    protected void col2imChecked(Tensor cols, Window2d win, Tensor dx) {
        write(ReferenceWindows.col2im(read(cols), dx.dim(0), dx.dim(1), dx.dim(2), dx.dim(3), win), dx);
    }

    @Override
    protected void addChannelBiasChecked(Tensor x, Tensor bias) {
        float[] v = read(x);
        ReferenceWindows.addChannelBias(v, x.dim(0), x.dim(1), planeSize(x), read(bias));
        write(v, x);
    }

    @Override
    protected void channelSumsChecked(Tensor x, Tensor out) {
        write(ReferenceWindows.channelSums(read(x), x.dim(0), x.dim(1), planeSize(x)), out);
    }

    /** Entries per (image, channel) of x read as [n, c, rest]. */
    private static int planeSize(Tensor x) {
        long planes = (long) x.dim(0) * x.dim(1);
        return planes == 0 ? 0 : Math.toIntExact(x.size() / planes);
    }

    @Override
    protected void maxPoolChecked(Tensor x, Window2d win, Tensor y, Tensor argmax) {
        int[] arg = new int[Math.toIntExact(argmax.size())];
        write(ReferenceWindows.maxPool(read(x), x.dim(0), x.dim(1), x.dim(2), x.dim(3), win, arg), y);
        MemorySegment.copy(arg, 0, argmax.segment(), ValueLayout.JAVA_INT, 0, arg.length);
    }

    @Override
    protected void maxPoolGatherChecked(Tensor x, Tensor argmax, Tensor y) {
        float[] xv = read(x);
        int[] at = readInts(argmax);
        int planes = y.dim(0) * y.dim(1), positions = y.dim(2) * y.dim(3), plane = x.dim(2) * x.dim(3);
        float[] yv = new float[at.length];
        for (int q = 0; q < planes; q++) {
            for (int o = 0; o < positions; o++) {
                int a = at[q * positions + o];
                yv[q * positions + o] = a >= 0 && a < plane ? xv[q * plane + a] : 0f;
            }
        }
        write(yv, y);
    }

    @Override
    protected void maxPoolBackwardChecked(Tensor dy, Tensor argmax, Window2d win, Tensor dx) {
        write(ReferenceWindows.maxPoolBackward(read(dy), readInts(argmax), dx.dim(0), dx.dim(1), dx.dim(2), dx.dim(3), win), dx);
    }

    // ---- neuron campaign (IBCI): the algorithms live in ClassMoments and GreedySelection ----

    @Override
    protected void classColumnMomentsChecked(Tensor z, Tensor labels, int classes, double[] sums, double[] sumSquares) {
        ClassMoments.accumulate(read(z), z.rows(), z.cols(), readInts(labels), classes, sums, sumSquares);
    }

    @Override
    protected int[] greedySelectChecked(Tensor candidates, double[] scores, int count) {
        return GreedySelection.select(read(candidates), candidates.rows(), candidates.cols(), scores, count);
    }

    // ---- dense layers and row gathers for the information estimators (ibinit.info) ----

    @Override
    protected void denseActivationForwardChecked(Tensor x, Tensor w, Tensor b, Activation f, float param, Tensor y) {
        ReferenceDenseKernels.forward(x, w, b, f, param, y);
    }

    @Override
    protected void denseActivationBackwardChecked(Tensor x, Tensor w, Activation f, float param, Tensor y, Tensor dy,
                                                  Tensor dw, Tensor db, Tensor dx) {
        ReferenceDenseKernels.backward(x, w, f, param, y, dy, dw, db, dx);
    }

    @Override
    protected double sparseFilteringGradientChecked(Tensor f, Tensor delta) {
        float[] fv = read(f);
        double[] fd = new double[fv.length], dd = new double[fv.length];
        for (int i = 0; i < fv.length; i++) fd[i] = fv[i];
        double objective = SparseFilteringMath.objectiveAndDelta(fd, f.rows(), f.cols(), dd);
        float[] out = new float[dd.length];
        for (int i = 0; i < dd.length; i++) out[i] = (float) dd[i];
        write(out, delta);
        return objective;
    }

    @Override
    protected void gatherRowsChecked(Tensor src, int srcCol, int[] rows, Tensor dst, int dstCol, int cols) {
        ReferenceDenseKernels.gatherRows(src, srcCol, rows, dst, dstCol, cols);
    }
}
