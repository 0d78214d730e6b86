package ibinit.backend.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import ibinit.backend.BackendUnavailableException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * Downcall handles for every function of native/include/ibinit.h, bound from one library, with
 * typed Java wrappers that turn a non-zero status into a {@link NativeException}. Arguments are
 * assumed checked (see {@code AbstractBackend}).
 */
final class NativeKernels {
    private static final Linker LINKER = Linker.nativeLinker();

    private final String library;
    private final SymbolLookup lookup;

    private final Downcall probe, lastError, setThreads, setGemmThreaded, synchronize;
    private final Downcall alloc, free, upload, download, copy;
    private final Downcall gemm, axpy, scale;
    private final Downcall addBias, columnSums, columnMeanVar, covarianceTrace, logSumExpRows;
    private final Downcall activation, activationBackward, softmaxXent;
    private final Downcall sgdMomentum, adam;
    private final Downcall philoxBlocks, fillUniform, fillNormal, fillTruncatedNormal, perturbUniform;
    // neuron campaign (IBCI)
    private final Downcall classColumnMoments, greedySelect;
    // convolution and pooling
    private final Downcall im2col, col2im, addChannelBias, channelSums, maxPool, maxPoolBackward;
    // information estimators (ibinit.info)
    private final Downcall denseActForward, denseActBackward, gatherRows;
    // second order (Hessian-vector products)
    private final Downcall activationBackwardR, softmaxXentR, maxPoolGather;
    // sparse filtering (ibinit.sparse)
    private final Downcall sparseFilteringGrad;

    NativeKernels(String library, SymbolLookup lookup) {
        this.library = library;
        this.lookup = lookup;
        probe = bind("ibinit_probe", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        lastError = bind("ibinit_last_error", FunctionDescriptor.of(ADDRESS));
        setThreads = bind("ibinit_set_threads", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        setGemmThreaded = bind("ibinit_set_gemm_threaded", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        synchronize = bind("ibinit_synchronize", FunctionDescriptor.of(JAVA_INT));
        alloc = bind("ibinit_alloc", FunctionDescriptor.of(ADDRESS, JAVA_LONG));
        free = bind("ibinit_free", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        // Heap arrays may be passed straight to the copies (the JVM pins them for the call).
        upload = bind("ibinit_upload", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG), Linker.Option.critical(true));
        download = bind("ibinit_download", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG), Linker.Option.critical(true));
        copy = bind("ibinit_copy", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
        gemm = bind("ibinit_gemm", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                JAVA_FLOAT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT));
        axpy = bind("ibinit_axpy", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_FLOAT, ADDRESS, ADDRESS));
        scale = bind("ibinit_scale", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_FLOAT, ADDRESS));
        addBias = bind("ibinit_add_bias", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        columnSums = bind("ibinit_column_sums", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        columnMeanVar = bind("ibinit_column_mean_var", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        covarianceTrace = bind("ibinit_covariance_trace", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        logSumExpRows = bind("ibinit_logsumexp_rows", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        activation = bind("ibinit_activation", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_FLOAT, JAVA_LONG, ADDRESS, ADDRESS));
        activationBackward = bind("ibinit_activation_backward", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_FLOAT, JAVA_LONG,
                ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        softmaxXent = bind("ibinit_softmax_xent", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        sgdMomentum = bind("ibinit_sgd_momentum", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS,
                JAVA_FLOAT, JAVA_FLOAT, JAVA_FLOAT, JAVA_INT));
        adam = bind("ibinit_adam", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                JAVA_FLOAT, JAVA_FLOAT, JAVA_FLOAT, JAVA_FLOAT, JAVA_FLOAT, JAVA_LONG));
        philoxBlocks = bind("ibinit_philox_blocks", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS),
                Linker.Option.critical(true));
        fillUniform = bind("ibinit_fill_uniform", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG,
                JAVA_FLOAT, JAVA_FLOAT));
        fillNormal = bind("ibinit_fill_normal", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG,
                JAVA_FLOAT, JAVA_FLOAT));
        fillTruncatedNormal = bind("ibinit_fill_truncated_normal", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG,
                JAVA_INT, JAVA_LONG, JAVA_FLOAT, JAVA_FLOAT, JAVA_FLOAT, JAVA_FLOAT));
        perturbUniform = bind("ibinit_perturb_uniform", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG,
                JAVA_INT, JAVA_LONG, JAVA_FLOAT));
        // convolution and pooling: (n, c, h, w, k, s, p, in..., out...)
        FunctionDescriptor window1 = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
        FunctionDescriptor window2 = window1.appendArgumentLayouts(ADDRESS);
        im2col = bind("ibinit_im2col", window1);
        col2im = bind("ibinit_col2im", window1);
        addChannelBias = bind("ibinit_add_channel_bias", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS));
        channelSums = bind("ibinit_channel_sums", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS));
        maxPool = bind("ibinit_max_pool", window2);
        maxPoolBackward = bind("ibinit_max_pool_backward", window2);
        // neuron campaign (IBCI)
        classColumnMoments = bind("ibinit_class_column_moments", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS,
                JAVA_INT, ADDRESS, ADDRESS));
        greedySelect = bind("ibinit_greedy_select", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT,
                ADDRESS, ADDRESS));
        // ---- information estimators (ibinit.info) ----
        denseActForward = bind("ibinit_dense_act_forward", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS));
        denseActBackward = bind("ibinit_dense_act_backward", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                ADDRESS, ADDRESS, JAVA_INT, JAVA_FLOAT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        // critical: on the CPU the row indices are a Java int[] passed in place.
        gatherRows = bind("ibinit_gather_rows", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT,
                ADDRESS, ADDRESS, JAVA_INT), Linker.Option.critical(true));
        // ---- second order (Hessian-vector products) ----
        activationBackwardR = bind("ibinit_activation_backward_r", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_FLOAT, JAVA_LONG,
                ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        softmaxXentR = bind("ibinit_softmax_xent_r", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        maxPoolGather = bind("ibinit_max_pool_gather", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG,
                ADDRESS, ADDRESS, ADDRESS));
        // ---- sparse filtering ----
        sparseFilteringGrad = bind("ibinit_sparse_filtering_grad", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT,
                ADDRESS, ADDRESS, ADDRESS));
    }

    private Downcall bind(String symbol, FunctionDescriptor fd, Linker.Option... options) {
        MemorySegment address = lookup.find(symbol).orElseThrow(() ->
                new BackendUnavailableException(library + " lacks " + symbol + " (stale native build? run `mvn package`)"));
        return new Downcall(address, fd, options);
    }

    /**
     * A downcall handle made on its first call: a run makes only those of the kernels it calls
     * (making all of them took ~0.2 s of every start). The symbol is looked up at once, so a stale
     * library still fails when the backend opens.
     */
    private static final class Downcall {
        private final MemorySegment address;
        private final FunctionDescriptor descriptor;
        private final Linker.Option[] options;
        private volatile MethodHandle handle;

        Downcall(MemorySegment address, FunctionDescriptor descriptor, Linker.Option[] options) {
            this.address = address;
            this.descriptor = descriptor;
            this.options = options;
        }

        MethodHandle handle() {
            MethodHandle h = handle;
            if (h == null) {
                synchronized (this) {
                    h = handle;
                    if (h == null) handle = h = LINKER.downcallHandle(address, descriptor, options);
                }
            }
            return h;
        }
    }

    private void check(int status, String op) {
        if (status != 0) throw new NativeException(library, op, status, lastError());
    }

    String lastError() {
        try {
            MemorySegment p = (MemorySegment) lastError.handle().invokeExact();
            return p.equals(MemorySegment.NULL) ? "(no message)" : p.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    // ---- library ----

    /** Null when usable, else the reason. */
    String probe() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment reason = arena.allocate(512);
            int status = (int) probe.handle().invokeExact(reason, 512);
            return status == 0 ? null : reason.getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void setThreads(int threads) {
        try { check((int) setThreads.handle().invokeExact(threads), "set_threads"); } catch (Throwable t) { throw rethrow(t); }
    }

    void setGemmThreaded(boolean threaded) {
        try {
            check((int) setGemmThreaded.handle().invokeExact(threaded ? 1 : 0), "set_gemm_threaded");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void synchronize() {
        try { check((int) synchronize.handle().invokeExact(), "synchronize"); } catch (Throwable t) { throw rethrow(t); }
    }

    // ---- memory ----

    MemorySegment alloc(long bytes) {
        try {
            MemorySegment p = (MemorySegment) alloc.handle().invokeExact(bytes);
            if (p.equals(MemorySegment.NULL)) {
                throw new NativeException(library, "alloc", NativeException.NULL_POINTER, "cannot allocate " + bytes + " bytes: " + lastError());
            }
            return p;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void free(MemorySegment p) {
        try { check((int) free.handle().invokeExact(p), "free"); } catch (Throwable t) { throw rethrow(t); }
    }

    void upload(MemorySegment dst, MemorySegment hostSrc, long bytes) {
        try { check((int) upload.handle().invokeExact(dst, hostSrc, bytes), "upload"); } catch (Throwable t) { throw rethrow(t); }
    }

    void download(MemorySegment hostDst, MemorySegment src, long bytes) {
        try { check((int) download.handle().invokeExact(hostDst, src, bytes), "download"); } catch (Throwable t) { throw rethrow(t); }
    }

    void copy(MemorySegment dst, MemorySegment src, long bytes) {
        try { check((int) copy.handle().invokeExact(dst, src, bytes), "copy"); } catch (Throwable t) { throw rethrow(t); }
    }

    // ---- kernels ----

    void gemm(int transA, int transB, int m, int n, int k, float alpha, MemorySegment a, int lda,
              MemorySegment b, int ldb, float beta, MemorySegment c, int ldc) {
        try {
            check((int) gemm.handle().invokeExact(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc), "gemm");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void axpy(long n, float alpha, MemorySegment x, MemorySegment y) {
        try { check((int) axpy.handle().invokeExact(n, alpha, x, y), "axpy"); } catch (Throwable t) { throw rethrow(t); }
    }

    void scale(long n, float alpha, MemorySegment x) {
        try { check((int) scale.handle().invokeExact(n, alpha, x), "scale"); } catch (Throwable t) { throw rethrow(t); }
    }

    void addBias(int rows, int cols, MemorySegment x, MemorySegment bias) {
        try { check((int) addBias.handle().invokeExact(rows, cols, x, bias), "add_bias"); } catch (Throwable t) { throw rethrow(t); }
    }

    void columnSums(int rows, int cols, MemorySegment x, MemorySegment out) {
        try { check((int) columnSums.handle().invokeExact(rows, cols, x, out), "column_sums"); } catch (Throwable t) { throw rethrow(t); }
    }

    void columnMeanVar(int rows, int cols, MemorySegment x, int ddof, MemorySegment hostMean, MemorySegment hostVar) {
        try {
            check((int) columnMeanVar.handle().invokeExact(rows, cols, x, ddof, hostMean, hostVar), "column_mean_var");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    double covarianceTrace(int rows, int cols, MemorySegment x, int ddof) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_DOUBLE);
            check((int) covarianceTrace.handle().invokeExact(rows, cols, x, ddof, out), "covariance_trace");
            return out.get(JAVA_DOUBLE, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void logSumExpRows(int rows, int cols, MemorySegment x, MemorySegment out) {
        try { check((int) logSumExpRows.handle().invokeExact(rows, cols, x, out), "logsumexp_rows"); } catch (Throwable t) { throw rethrow(t); }
    }

    void activation(int kind, float param, long n, MemorySegment x, MemorySegment y) {
        try { check((int) activation.handle().invokeExact(kind, param, n, x, y), "activation"); } catch (Throwable t) { throw rethrow(t); }
    }

    void activationBackward(int kind, float param, long n, MemorySegment x, MemorySegment y, MemorySegment dy, MemorySegment dx) {
        try {
            check((int) activationBackward.handle().invokeExact(kind, param, n, x, y, dy, dx), "activation_backward");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The labels were checked by the caller ({@code AbstractBackend}), so a non-zero status is internal. */
    double softmaxXent(int rows, int cols, MemorySegment logits, MemorySegment labels, MemorySegment grad) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment loss = arena.allocate(JAVA_DOUBLE);
            check((int) softmaxXent.handle().invokeExact(rows, cols, logits, labels, grad, loss), "softmax_xent");
            return loss.get(JAVA_DOUBLE, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void sgdMomentum(long n, MemorySegment w, MemorySegment g, MemorySegment v, float lr, float momentum, float wd, int nesterov) {
        try {
            check((int) sgdMomentum.handle().invokeExact(n, w, g, v, lr, momentum, wd, nesterov), "sgd_momentum");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void adam(long n, MemorySegment w, MemorySegment g, MemorySegment m, MemorySegment v, float lr, float b1, float b2,
              float eps, float wd, long step) {
        try {
            check((int) adam.handle().invokeExact(n, w, g, m, v, lr, b1, b2, eps, wd, step), "adam");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void philoxBlocks(long seed, int stream, long offset, long blocks, MemorySegment hostOut) {
        try {
            check((int) philoxBlocks.handle().invokeExact(seed, stream, offset, blocks, hostOut), "philox_blocks");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void fillUniform(MemorySegment x, long n, long seed, int stream, long offset, float lo, float hi) {
        try {
            check((int) fillUniform.handle().invokeExact(x, n, seed, stream, offset, lo, hi), "fill_uniform");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void perturbUniform(long n, MemorySegment w, MemorySegment out, long seed, int stream, long offset, float radius) {
        try {
            check((int) perturbUniform.handle().invokeExact(n, w, out, seed, stream, offset, radius), "perturb_uniform");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void fillNormal(MemorySegment x, long n, long seed, int stream, long offset, float mean, float std) {
        try {
            check((int) fillNormal.handle().invokeExact(x, n, seed, stream, offset, mean, std), "fill_normal");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void fillTruncatedNormal(MemorySegment x, long n, long seed, int stream, long offset, float mean, float std, float lo, float hi) {
        try {
            check((int) fillTruncatedNormal.handle().invokeExact(x, n, seed, stream, offset, mean, std, lo, hi), "fill_truncated_normal");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- convolution and pooling ----

    void im2col(int n, int c, int h, int w, int k, int s, int p, MemorySegment x, MemorySegment cols) {
        try { check((int) im2col.handle().invokeExact(n, c, h, w, k, s, p, x, cols), "im2col"); } catch (Throwable t) { throw rethrow(t); }
    }

    void col2im(int n, int c, int h, int w, int k, int s, int p, MemorySegment cols, MemorySegment dx) {
        try { check((int) col2im.handle().invokeExact(n, c, h, w, k, s, p, cols, dx), "col2im"); } catch (Throwable t) { throw rethrow(t); }
    }

    void addChannelBias(int n, int c, long hw, MemorySegment x, MemorySegment bias) {
        try {
            check((int) addChannelBias.handle().invokeExact(n, c, hw, x, bias), "add_channel_bias");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void channelSums(int n, int c, long hw, MemorySegment x, MemorySegment out) {
        try { check((int) channelSums.handle().invokeExact(n, c, hw, x, out), "channel_sums"); } catch (Throwable t) { throw rethrow(t); }
    }

    void maxPool(int n, int c, int h, int w, int k, int s, int p, MemorySegment x, MemorySegment y, MemorySegment argmax) {
        try {
            check((int) maxPool.handle().invokeExact(n, c, h, w, k, s, p, x, y, argmax), "max_pool");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void maxPoolBackward(int n, int c, int h, int w, int k, int s, int p, MemorySegment dy, MemorySegment argmax,
                         MemorySegment dx) {
        try {
            check((int) maxPoolBackward.handle().invokeExact(n, c, h, w, k, s, p, dy, argmax, dx), "max_pool_backward");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- second order (Hessian-vector products) ----

    void activationBackwardR(int kind, float param, long n, MemorySegment x, MemorySegment y, MemorySegment dy,
                             MemorySegment rx, MemorySegment rdy, MemorySegment rdx) {
        try {
            check((int) activationBackwardR.handle().invokeExact(kind, param, n, x, y, dy, rx, rdy, rdx), "activation_backward_r");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void softmaxXentR(int rows, int cols, MemorySegment logits, MemorySegment rLogits, MemorySegment out) {
        try {
            check((int) softmaxXentR.handle().invokeExact(rows, cols, logits, rLogits, out), "softmax_xent_r");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void maxPoolGather(long planes, long plane, long positions, MemorySegment x, MemorySegment argmax, MemorySegment y) {
        try {
            check((int) maxPoolGather.handle().invokeExact(planes, plane, positions, x, argmax, y), "max_pool_gather");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- neuron campaign (IBCI) ----

    /** Adds into the arrays; a bad label is the caller's to report (status 2). */
    void classColumnMoments(int rows, int cols, MemorySegment z, MemorySegment labels, int classes, double[] sums, double[] sumSquares) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocateFrom(JAVA_DOUBLE, sums);
            MemorySegment q = arena.allocateFrom(JAVA_DOUBLE, sumSquares);
            check((int) classColumnMoments.handle().invokeExact(rows, cols, z, labels, classes, s, q), "class_column_moments");
            MemorySegment.copy(s, JAVA_DOUBLE, 0, sums, 0, sums.length);
            MemorySegment.copy(q, JAVA_DOUBLE, 0, sumSquares, 0, sumSquares.length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    int[] greedySelect(int k, int d, MemorySegment w, double[] scores, int count) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocateFrom(JAVA_DOUBLE, scores);
            MemorySegment chosen = arena.allocate(JAVA_INT, count);
            MemorySegment found = arena.allocate(JAVA_INT);
            check((int) greedySelect.handle().invokeExact(k, d, w, s, count, chosen, found), "greedy_select");
            return chosen.asSlice(0, 4L * found.get(JAVA_INT, 0)).toArray(JAVA_INT);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- information estimators (ibinit.info) ----

    void denseActForward(int rows, int in, int out, MemorySegment x, MemorySegment w, MemorySegment b, int kind, float param,
                         MemorySegment y) {
        try {
            check((int) denseActForward.handle().invokeExact(rows, in, out, x, w, b, kind, param, y), "dense_act_forward");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void denseActBackward(int rows, int in, int out, MemorySegment x, MemorySegment w, int kind, float param, MemorySegment y,
                          MemorySegment dy, MemorySegment dw, MemorySegment db, MemorySegment dx) {
        try {
            check((int) denseActBackward.handle().invokeExact(rows, in, out, x, w, kind, param, y, dy, dw, db, dx), "dense_act_backward");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    void gatherRows(int rows, int cols, MemorySegment src, int ldSrc, MemorySegment idx, MemorySegment dst, int ldDst) {
        try {
            check((int) gatherRows.handle().invokeExact(rows, cols, src, ldSrc, idx, dst, ldDst), "gather_rows");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---- sparse filtering (ibinit.sparse) ----

    double sparseFilteringGrad(int rows, int cols, MemorySegment f, MemorySegment delta) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_DOUBLE);
            check((int) sparseFilteringGrad.handle().invokeExact(rows, cols, f, delta, out), "sparse_filtering_grad");
            return out.get(JAVA_DOUBLE, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }
}
