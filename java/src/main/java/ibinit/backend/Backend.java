package ibinit.backend;

import ibinit.tensor.Tensor;
import ibinit.tensor.Tensor.DType;
import java.lang.foreign.MemorySegment;

/**
 * Every numeric operation the rest of ibinit needs. Three implementations: {@code java} (plain
 * Java, the test oracle), {@code cpu} (C kernels and OpenBLAS through FFM) and {@code cuda}.
 *
 * <p>Tensors are row-major. Row-wise ops read a tensor as {@code rows() x cols()}. Every method
 * checks shapes, element types and ownership first and throws {@link IllegalArgumentException}
 * naming the shapes; a closed tensor gives {@link IllegalStateException}. Implementations extend
 * {@link AbstractBackend}, which does those checks once for all of them.
 */
public interface Backend extends AutoCloseable {

    /** {@code java}, {@code cpu} or {@code cuda}. */
    String name();

    /** Threads this backend's kernels use (see {@link ThreadPolicy}). */
    int threads();

    /** Waits until queued work has finished (a no-op on host backends). */
    void synchronize();

    // ---- memory ----

    /** A zero-filled tensor. */
    Tensor allocate(DType dtype, int... shape);

    default Tensor zeros(int... shape) { return allocate(DType.F32, shape); }

    Tensor fromArray(float[] values, int... shape);

    Tensor fromArray(int[] values, int... shape);

    void copyFromArray(float[] values, Tensor dst);

    void copyFromArray(int[] values, Tensor dst);

    /** Copies {@code dst.byteSize()} bytes from host memory at {@code src} + {@code srcOffsetBytes}. */
    /**
     * The host memory of {@code t} when this backend keeps tensors in host memory that callers may
     * write directly (the cpu backend), so a batch can be gathered straight into it; empty otherwise
     * (copy in with {@link #upload}).
     */
    default java.util.Optional<MemorySegment> hostMemory(Tensor t) { return java.util.Optional.empty(); }

    void upload(MemorySegment src, long srcOffsetBytes, Tensor dst);

    float[] toFloatArray(Tensor t);

    int[] toIntArray(Tensor t);

    /** dst = src (same size and type; shapes may differ). */
    void copy(Tensor src, Tensor dst);

    // ---- linear algebra ----

    /** c = alpha op(a) op(b) + beta c, where op transposes when asked; all 2-D. */
    void gemm(boolean transA, boolean transB, float alpha, Tensor a, Tensor b, float beta, Tensor c);

    /** y += alpha x */
    void axpy(float alpha, Tensor x, Tensor y);

    /** x *= alpha */
    void scale(float alpha, Tensor x);

    // ---- rows and columns ----

    /** x[r, c] += bias[c] */
    void addBias(Tensor x, Tensor bias);

    /** out[c] = sum over rows of x[r, c] */
    void columnSums(Tensor x, Tensor out);

    /** Column means and variances (divisor rows - ddof), accumulated in double. */
    ColumnStats columnMeanVar(Tensor x, int ddof);

    /** Sum of the column variances (the trace of the column covariance), in double. */
    double covarianceTrace(Tensor x, int ddof);

    /** out[r] = log sum_c exp(x[r, c]), stable for large values. */
    void logSumExpRows(Tensor x, Tensor out);

    // ---- activations ----

    /** y = f(x), elementwise; y may be x. {@code param} is the leaky-ReLU slope. */
    void activation(Activation f, float param, Tensor x, Tensor y);

    /** dx = dy * f'(x) given x and y = f(x); dx may be dy. */
    void activationBackward(Activation f, float param, Tensor x, Tensor y, Tensor dy, Tensor dx);

    // ---- loss ----

    /**
     * Mean softmax cross-entropy of {@code logits} (rows x classes) against int32 {@code labels}.
     * When {@code grad} is not null it receives d(mean loss)/d(logits) = (softmax - onehot) / rows.
     */
    double softmaxCrossEntropy(Tensor logits, Tensor labels, Tensor grad);

    // ---- optimizers ----

    /** PyTorch's SGD with momentum (and optional Nesterov, L2 weight decay); v is the momentum buffer. */
    void sgdMomentum(Tensor w, Tensor g, Tensor v, float lr, float momentum, float weightDecay, boolean nesterov);

    /** PyTorch's Adam; step counts from 1. */
    void adam(Tensor w, Tensor g, Tensor m, Tensor v, float lr, float beta1, float beta2, float eps,
              float weightDecay, long step);

    // ---- random numbers: element i of the tensor uses Philox index offset + i ----

    void fillUniform(Tensor x, RandomStream rs, float lo, float hi);

    void fillNormal(Tensor x, RandomStream rs, float mean, float std);

    /** Normal(mean, std) restricted to [lo, hi] (PyTorch's trunc_normal_ semantics). */
    void fillTruncatedNormal(Tensor x, RandomStream rs, float mean, float std, float lo, float hi);

    /**
     * out = w + U[-radius, radius) elementwise: a perturbed copy of a weight tensor in one pass,
     * for entropic smoothing. Element i uses word (offset + i) % 4 of Philox block (offset + i) / 4
     * of {@code rs} ({@link ibinit.rng.Philox#perturbAt}), so one block serves four elements.
     * {@code out} may be {@code w}.
     */
    void perturbUniform(Tensor w, Tensor out, RandomStream rs, float radius);

    /** Raw Philox-4x32-10 output: {@code blocks} blocks of 4 words starting at {@code rs.offset()}. */
    int[] philoxBlocks(RandomStream rs, int blocks);

    // ---- convolution and pooling: NCHW, square window of side kernel, zero padding ----
    // With input [n, c, h, w] there are oh = (h + 2 padding - kernel) / stride + 1 window rows
    // (and ow likewise) per plane.

    /**
     * Unfolds the windows of {@code x} [n, c, h, w] into {@code cols} [n, c*kernel*kernel, oh*ow]:
     * {@code cols[i, (ch*k + ky)*k + kx, oy*ow + ox] = x[i, ch, oy*stride - padding + ky, ox*stride - padding + kx]},
     * 0 in the padding. Per image this is Caffe's layout, so a convolution is one GEMM
     * {@code W[out, c*k*k] x cols_i} per image, written straight into NCHW.
     */
    void im2col(Tensor x, int kernel, int stride, int padding, Tensor cols);

    /**
     * The adjoint of {@link #im2col}: overwrites {@code dx} [n, c, h, w] with, at each pixel, the
     * sum of the {@code cols} [n, c*kernel*kernel, oh*ow] entries that im2col copies from it.
     */
    void col2im(Tensor cols, int kernel, int stride, int padding, Tensor dx);

    /** x[i, ch, ...] += bias[ch] for x of rank >= 2 read as [n, c, rest]. */
    void addChannelBias(Tensor x, Tensor bias);

    /** out[ch] = sum over the images and positions of x[i, ch, ...] (overwrites out; accumulated in double). */
    void channelSums(Tensor x, Tensor out);

    /**
     * Max-pooling of {@code x} [n, c, h, w] into {@code y} [n, c, oh, ow]; {@code argmax} (int32, same
     * shape as y) receives each winner's index {@code y*w + x} within its h x w plane. Padding
     * (at most kernel / 2, as in PyTorch) never wins; the first maximum wins ties; a NaN wins over
     * any number.
     */
    void maxPool(Tensor x, int kernel, int stride, int padding, Tensor y, Tensor argmax);

    /**
     * Overwrites {@code dx} [n, c, h, w] with the gradient of {@link #maxPool}: each {@code dy}
     * [n, c, oh, ow] entry goes to the pixel its {@code argmax} names; overlapping windows add up.
     * {@code argmax} must come from {@link #maxPool} with the same geometry (an index outside the
     * plane adds nothing).
     */
    void maxPoolBackward(Tensor dy, Tensor argmax, int kernel, int stride, int padding, Tensor dx);

    // ---- neuron campaign (IBCI, ibinit.init.ibci) ----

    /**
     * Adds, for every class c and column j of {@code z} [rows x cols], the sum and the sum of
     * squares of z[r, j] over the rows r whose int32 label is c into {@code sums[c * cols + j]} and
     * {@code sumSquares[c * cols + j]}, accumulated in double. It adds rather than overwrites, so a
     * large sample can be streamed through in chunks. A label outside [0, classes) is an
     * {@link IllegalArgumentException} and leaves both arrays unchanged.
     */
    void classColumnMoments(Tensor z, Tensor labels, int classes, double[] sums, double[] sumSquares);

    /**
     * Greedy selection with Gram-Schmidt null-space projection over the rows w_j of
     * {@code candidates} [k, d] (IBCI's Algorithm 1): {@code count} times, pick the open j with the
     * largest {@code scores[j] * ||p_j|| / ||w_j||}, where p_j is w_j minus its projection on the
     * span of the rows picked so far (ties to the lowest j), and never pick a row twice. Rows whose
     * residual falls below 1e-6 of their norm are spanned and never picked, so the result is shorter
     * than {@code count} when every remaining row is spanned (e.g. count > d). Residual norms are
     * downdated in double, never forming the residuals (see {@link ibinit.backend.ref.GreedySelection};
     * the CPU kernel finds the same picks lazily, updating only candidates that could win).
     *
     * @return the chosen row indices in pick order
     */
    int[] greedySelect(Tensor candidates, double[] scores, int count);

    // ---- dense layers and row gathers for the information estimators (ibinit.info) ----

    /**
     * y = f(x w^T + b): one dense layer and its activation in a single call (the bias and f are
     * applied in one pass over the GEMM's output). x [rows, in], w [out, in] (PyTorch layout),
     * b [out], y [rows, out]. The leaky-ReLU slope {@code param} must be &gt;= 0, so that the
     * backward pass can read f' from y alone and nothing else needs keeping.
     */
    void denseActivationForward(Tensor x, Tensor w, Tensor b, Activation f, float param, Tensor y);

    /**
     * The backward pass of {@link #denseActivationForward} given its x, w and y and dy =
     * d(loss)/dy. dy is overwritten with d(loss)/d(x w^T + b); dw [out, in] and db [out] are
     * overwritten (not accumulated); dx [rows, in] receives d(loss)/dx unless it is null (the
     * first layer of a critic needs no input gradient, which saves one GEMM).
     */
    void denseActivationBackward(Tensor x, Tensor w, Activation f, float param, Tensor y, Tensor dy,
                                 Tensor dw, Tensor db, Tensor dx);

    /**
     * dst[r, dstCol + c] = src[rows[r], srcCol + c] for r &lt; rows.length and c &lt; cols: picks
     * rows (a batch, a shuffled marginal) into a column block of dst, so a critic's input
     * [x | z] is built without host round trips. {@code rows} may be null: then row r of src
     * goes to row r of dst, for every row of dst.
     */
    void gatherRows(Tensor src, int srcCol, int[] rows, Tensor dst, int dstCol, int cols);

    // ---- second order: Pearlmutter's R-operator, for exact Hessian-vector products (ibinit.nn) ----

    /**
     * The directional derivative of {@link #activationBackward}: with {@code rx} and {@code rdy}
     * the derivatives of x and dy along a direction, {@code rdx = rdy * f'(x) + dy * f''(x) * rx}
     * (f'' is 0 for the piecewise-linear activations). rdx may be rdy.
     */
    void activationBackwardR(Activation f, float param, Tensor x, Tensor y, Tensor dy, Tensor rx, Tensor rdy, Tensor rdx);

    /**
     * The Hessian of the mean {@link #softmaxCrossEntropy} in the logits times a direction
     * {@code rLogits}: per row, with p = softmax(logits), {@code out = p * (r - <p, r>) / rows}
     * (the labels do not enter). {@code out} must not be either input.
     */
    void softmaxCrossEntropyR(Tensor logits, Tensor rLogits, Tensor out);

    /**
     * The adjoint of {@link #maxPoolBackward}: {@code y[i, ch, o] = x[i, ch, argmax[i, ch, o]]} for
     * x [n, c, h, w] and y, argmax [n, c, oh, ow] (the directional derivative of max-pooling with
     * the winners held fixed); 0 where an index lies outside the plane.
     */
    void maxPoolGather(Tensor x, Tensor argmax, Tensor y);

    // ---- sparse filtering (ibinit.sparse) ----

    /**
     * The element-wise part of sparse filtering's objective and gradient (Ngiam et al., NIPS 2011)
     * for features {@code f} [examples, features] = X W^T: with fs = sqrt(f^2 + 1e-8), each column
     * (a feature across examples) divided by sqrt(sum of its squares + 1e-8), then each row (an
     * example) likewise, giving fhat; the objective is the sum of fhat. Overwrites {@code delta}
     * (same shape, not {@code f} itself) with d(objective)/d(f), so dW = delta^T X. Sums accumulate
     * in double and do not depend on the thread count.
     *
     * @return the objective
     */
    double sparseFilteringGradient(Tensor f, Tensor delta);

    @Override
    void close();
}
