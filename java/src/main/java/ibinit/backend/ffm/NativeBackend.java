package ibinit.backend.ffm;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import ibinit.backend.AbstractBackend;
import ibinit.backend.Activation;
import ibinit.backend.ColumnStats;
import ibinit.backend.RandomStream;
import ibinit.backend.ThreadPolicy;
import ibinit.backend.Window2d;
import ibinit.tensor.Tensor;
import ibinit.tensor.Tensor.DType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A backend whose kernels live in a native library implementing native/include/ibinit.h: the CPU
 * library (host memory) and the CUDA library (device memory) both run through this one class.
 */
public class NativeBackend extends AbstractBackend {
    private final String name;
    private final NativeKernels kernels;
    private final boolean hostMemory;
    private final int threads;

    /**
     * @param hostMemory whether tensors live in host memory that Java may read directly (CPU)
     */
    protected NativeBackend(String name, NativeLibraryHandle library, boolean hostMemory) {
        this.name = name;
        this.kernels = library.kernels();
        this.hostMemory = hostMemory;
        this.threads = ThreadPolicy.threads();
        kernels.setGemmThreaded(ThreadPolicy.gemmThreaded());
        kernels.setThreads(threads);
    }

    @Override public String name() { return name; }
    @Override public int threads() { return threads; }
    @Override public void synchronize() { kernels.synchronize(); }
    @Override public void close() { closeIndexScratch(); }

    /** Whether tensor memory is host memory (readable through {@link Tensor#segment()}). */
    public boolean hostMemory() { return hostMemory; }

    @Override
    public java.util.Optional<MemorySegment> hostMemory(Tensor t) { return hostMemory ? java.util.Optional.of(t.segment()) : java.util.Optional.empty(); }

    private static MemorySegment seg(Tensor t) { return t.segment(); }

    private static int flag(boolean b) { return b ? 1 : 0; }

    // ---- memory ----

    @Override
    protected Tensor allocateChecked(DType dtype, int[] shape) {
        long bytes = Tensor.sizeOf(shape) * dtype.bytes;
        MemorySegment p = kernels.alloc(bytes).reinterpret(bytes);
        return new Tensor(this, dtype, shape, p, () -> kernels.free(p));
    }

    @Override
    protected void uploadChecked(MemorySegment src, long srcOffsetBytes, Tensor dst) {
        if (hostMemory) {
            MemorySegment.copy(src, srcOffsetBytes, seg(dst), 0, dst.byteSize());
        } else {
            kernels.upload(seg(dst), src.asSlice(srcOffsetBytes, dst.byteSize()), dst.byteSize());
        }
    }

    @Override
    protected void downloadChecked(Tensor src, MemorySegment dst) {
        if (hostMemory) {
            MemorySegment.copy(seg(src), 0, dst, 0, src.byteSize());
        } else {
            kernels.download(dst, seg(src), src.byteSize());
        }
    }

    @Override
    protected void copyChecked(Tensor src, Tensor dst) {
        kernels.copy(seg(dst), seg(src), src.byteSize());
    }

    // ---- kernels ----

    @Override
    protected void gemmChecked(boolean transA, boolean transB, int m, int n, int k, float alpha, Tensor a, Tensor b,
                               float beta, Tensor c) {
        kernels.gemm(flag(transA), flag(transB), m, n, k, alpha, seg(a), a.dim(1), seg(b), b.dim(1), beta, seg(c), c.dim(1));
    }

    @Override
    protected void axpyChecked(float alpha, Tensor x, Tensor y) { kernels.axpy(x.size(), alpha, seg(x), seg(y)); }

    @Override
    protected void scaleChecked(float alpha, Tensor x) { kernels.scale(x.size(), alpha, seg(x)); }

    @Override
    protected void addBiasChecked(Tensor x, Tensor bias) { kernels.addBias(x.rows(), x.cols(), seg(x), seg(bias)); }

    @Override
    protected void columnSumsChecked(Tensor x, Tensor out) { kernels.columnSums(x.rows(), x.cols(), seg(x), seg(out)); }

    @Override
    protected ColumnStats columnMeanVarChecked(Tensor x, int ddof) {
        int cols = x.cols();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mean = arena.allocate(JAVA_DOUBLE, Math.max(cols, 1));
            MemorySegment var = arena.allocate(JAVA_DOUBLE, Math.max(cols, 1));
            kernels.columnMeanVar(x.rows(), cols, seg(x), ddof, mean, var);
            return new ColumnStats(mean.asSlice(0, 8L * cols).toArray(JAVA_DOUBLE), var.asSlice(0, 8L * cols).toArray(JAVA_DOUBLE));
        }
    }

    @Override
    protected double covarianceTraceChecked(Tensor x, int ddof) {
        return kernels.covarianceTrace(x.rows(), x.cols(), seg(x), ddof);
    }

    @Override
    protected void logSumExpRowsChecked(Tensor x, Tensor out) { kernels.logSumExpRows(x.rows(), x.cols(), seg(x), seg(out)); }

    @Override
    protected void activationChecked(Activation f, float param, Tensor x, Tensor y) {
        kernels.activation(f.code, param, x.size(), seg(x), seg(y));
    }

    @Override
    protected void activationBackwardChecked(Activation f, float param, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        kernels.activationBackward(f.code, param, x.size(), seg(x), seg(y), seg(dy), seg(dx));
    }

    @Override
    protected double softmaxCrossEntropyChecked(Tensor logits, Tensor labels, Tensor grad) {
        return kernels.softmaxXent(logits.rows(), logits.cols(), seg(logits), seg(labels),
                grad == null ? MemorySegment.NULL : seg(grad));
    }

    @Override
    protected void sgdMomentumChecked(Tensor w, Tensor g, Tensor v, float lr, float momentum, float weightDecay, boolean nesterov) {
        kernels.sgdMomentum(w.size(), seg(w), seg(g), seg(v), lr, momentum, weightDecay, flag(nesterov));
    }

    @Override
    protected void adamChecked(Tensor w, Tensor g, Tensor m, Tensor v, float lr, float beta1, float beta2, float eps,
                               float weightDecay, long step) {
        kernels.adam(w.size(), seg(w), seg(g), seg(m), seg(v), lr, beta1, beta2, eps, weightDecay, step);
    }

    @Override
    protected void fillUniformChecked(Tensor x, RandomStream rs, float lo, float hi) {
        kernels.fillUniform(seg(x), x.size(), rs.seed(), rs.stream(), rs.offset(), lo, hi);
    }

    @Override
    protected void perturbUniformChecked(Tensor w, Tensor out, RandomStream rs, float radius) {
        kernels.perturbUniform(w.size(), seg(w), seg(out), rs.seed(), rs.stream(), rs.offset(), radius);
    }

    @Override
    protected void fillNormalChecked(Tensor x, RandomStream rs, float mean, float std) {
        kernels.fillNormal(seg(x), x.size(), rs.seed(), rs.stream(), rs.offset(), mean, std);
    }

    @Override
    protected void fillTruncatedNormalChecked(Tensor x, RandomStream rs, float mean, float std, float lo, float hi) {
        kernels.fillTruncatedNormal(seg(x), x.size(), rs.seed(), rs.stream(), rs.offset(), mean, std, lo, hi);
    }

    @Override
    protected int[] philoxBlocksChecked(RandomStream rs, int blocks) {
        int[] out = new int[Math.multiplyExact(blocks, 4)];
        if (blocks > 0) kernels.philoxBlocks(rs.seed(), rs.stream(), rs.offset(), blocks, MemorySegment.ofArray(out));
        return out;
    }

    // ---- convolution and pooling: the image tensor [n, c, h, w] gives the geometry ----

    @Override
    protected void im2colChecked(Tensor x, Window2d win, Tensor cols) {
        kernels.im2col(x.dim(0), x.dim(1), x.dim(2), x.dim(3), win.kernel(), win.stride(), win.padding(), seg(x), seg(cols));
    }

    @Override
    protected void col2imChecked(Tensor cols, Window2d win, Tensor dx) {
        kernels.col2im(dx.dim(0), dx.dim(1), dx.dim(2), dx.dim(3), win.kernel(), win.stride(), win.padding(), seg(cols), seg(dx));
    }

    @Override
    protected void addChannelBiasChecked(Tensor x, Tensor bias) {
        kernels.addChannelBias(x.dim(0), x.dim(1), x.size() / ((long) x.dim(0) * x.dim(1)), seg(x), seg(bias));
    }

    @Override
    protected void channelSumsChecked(Tensor x, Tensor out) {
        long planes = (long) x.dim(0) * x.dim(1);
        kernels.channelSums(x.dim(0), x.dim(1), planes == 0 ? 0 : x.size() / planes, seg(x), seg(out));
    }

    @Override
    protected void maxPoolChecked(Tensor x, Window2d win, Tensor y, Tensor argmax) {
        kernels.maxPool(x.dim(0), x.dim(1), x.dim(2), x.dim(3), win.kernel(), win.stride(), win.padding(), seg(x), seg(y),
                seg(argmax));
    }

    @Override
    protected void maxPoolBackwardChecked(Tensor dy, Tensor argmax, Window2d win, Tensor dx) {
        kernels.maxPoolBackward(dx.dim(0), dx.dim(1), dx.dim(2), dx.dim(3), win.kernel(), win.stride(), win.padding(),
                seg(dy), seg(argmax), seg(dx));
    }

    // ---- second order (R-operator) ----

    @Override
    protected void activationBackwardRChecked(Activation f, float param, Tensor x, Tensor y, Tensor dy, Tensor rx, Tensor rdy,
                                              Tensor rdx) {
        kernels.activationBackwardR(f.code, param, x.size(), seg(x), seg(y), seg(dy), seg(rx), seg(rdy), seg(rdx));
    }

    @Override
    protected void softmaxCrossEntropyRChecked(Tensor logits, Tensor rLogits, Tensor out) {
        kernels.softmaxXentR(logits.rows(), logits.cols(), seg(logits), seg(rLogits), seg(out));
    }

    @Override
    protected void maxPoolGatherChecked(Tensor x, Tensor argmax, Tensor y) {
        kernels.maxPoolGather((long) y.dim(0) * y.dim(1), (long) x.dim(2) * x.dim(3), (long) y.dim(2) * y.dim(3),
                seg(x), seg(argmax), seg(y));
    }

    // ---- neuron campaign (IBCI) ----

    @Override
    protected void classColumnMomentsChecked(Tensor z, Tensor labels, int classes, double[] sums, double[] sumSquares) {
        kernels.classColumnMoments(z.rows(), z.cols(), seg(z), seg(labels), classes, sums, sumSquares);
    }

    @Override
    protected int[] greedySelectChecked(Tensor candidates, double[] scores, int count) {
        return kernels.greedySelect(candidates.rows(), candidates.cols(), seg(candidates), scores, count);
    }

    // ---- information estimators (ibinit.info) ----

    /** Device copy of the row indices of gatherRows (CUDA only), grown as needed and reused. */
    private Tensor indexScratch;

    @Override
    protected void denseActivationForwardChecked(Tensor x, Tensor w, Tensor b, Activation f, float param, Tensor y) {
        kernels.denseActForward(x.dim(0), x.dim(1), w.dim(0), seg(x), seg(w), seg(b), f.code, param, seg(y));
    }

    @Override
    protected void denseActivationBackwardChecked(Tensor x, Tensor w, Activation f, float param, Tensor y, Tensor dy,
                                                  Tensor dw, Tensor db, Tensor dx) {
        kernels.denseActBackward(x.dim(0), x.dim(1), w.dim(0), seg(x), seg(w), f.code, param, seg(y), seg(dy), seg(dw), seg(db),
                dx == null ? MemorySegment.NULL : seg(dx));
    }

    @Override
    protected synchronized void gatherRowsChecked(Tensor src, int srcCol, int[] rows, Tensor dst, int dstCol, int cols) {
        MemorySegment idx;
        if (hostMemory) {
            idx = MemorySegment.ofArray(rows); // passed in place (critical downcall)
        } else {
            if (indexScratch == null || indexScratch.size() < rows.length) {
                closeIndexScratch();
                indexScratch = allocateChecked(DType.I32, new int[] {Math.max(rows.length, 1024)});
            }
            // A synchronous copy on the default stream: earlier gathers have read the old indices.
            kernels.upload(seg(indexScratch), MemorySegment.ofArray(rows), 4L * rows.length);
            idx = seg(indexScratch);
        }
        kernels.gatherRows(rows.length, cols, seg(src).asSlice(4L * srcCol), src.cols(), idx,
                seg(dst).asSlice(4L * dstCol), dst.cols());
    }

    @Override
    protected double sparseFilteringGradientChecked(Tensor f, Tensor delta) {
        return kernels.sparseFilteringGrad(f.rows(), f.cols(), seg(f), seg(delta));
    }

    private synchronized void closeIndexScratch() {
        if (indexScratch != null) indexScratch.close();
        indexScratch = null;
    }
}
