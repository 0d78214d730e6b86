/*
 * The C ABI that both native backends (libibinit_cpu.so, libibinit_cuda.so) implement.
 * Java binds exactly these symbols through the FFM API (ibinit.backend.ffm.NativeKernels),
 * once, for either library.
 *
 * Conventions
 * - Matrices are float32, row-major, dense unless a leading dimension is given.
 * - "Device" pointers come from ibinit_alloc of the same library: host memory for the CPU
 *   backend, GPU memory for the CUDA backend. Scalars and small outputs marked "host" are
 *   always host memory (Java passes them from a confined arena).
 * - Every function returns 0 on success; otherwise a non-zero code, and ibinit_last_error()
 *   says what failed (thread-local). Java checks shapes before calling: a non-zero code means
 *   a native failure (out of memory, CUDA error), never a user mistake.
 * - Reductions that feed decisions (variances, traces, losses) accumulate in double.
 */
#ifndef IBINIT_H
#define IBINIT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define IBINIT_API __declspec(dllexport)
#else
#define IBINIT_API __attribute__((visibility("default")))
#endif

/* ---- library and device ---- */
/* 0 when usable; otherwise non-zero and a reason in `reason` (host, NUL-terminated). */
IBINIT_API int ibinit_probe(char *reason, int reason_capacity);
IBINIT_API const char *ibinit_last_error(void);
/* Threads this library's kernels may use. The CPU library runs OpenBLAS single-threaded and splits
 * the work itself into blocks fixed by the shape, so results do not depend on this number. */
IBINIT_API int ibinit_set_threads(int threads);
IBINIT_API int ibinit_get_threads(void);
/* 1: the CPU library's GEMM is one OpenBLAS call on OpenBLAS's own threads (as many as
 * ibinit_set_threads gave), faster, with results that depend on the thread count; 0 (the default):
 * the fixed blocks above. Other BLAS calls follow the same thread count. No effect on CUDA. */
IBINIT_API int ibinit_set_gemm_threaded(int threaded);
/* Wait until queued work is done (no-op on CPU). */
IBINIT_API int ibinit_synchronize(void);

/* ---- memory ---- */
/* 64-byte aligned, zero-filled; NULL on failure. */
IBINIT_API void *ibinit_alloc(int64_t bytes);
IBINIT_API int ibinit_free(void *ptr);
IBINIT_API int ibinit_upload(void *dst, const void *host_src, int64_t bytes);
IBINIT_API int ibinit_download(void *host_dst, const void *src, int64_t bytes);
IBINIT_API int ibinit_copy(void *dst, const void *src, int64_t bytes);

/* ---- linear algebra ---- */
/* C[m x n] = alpha op(A) op(B) + beta C; op(A) is m x k, op(B) is k x n; row-major with
 * leading dimensions lda, ldb, ldc (the row stride of the stored matrix). */
IBINIT_API int ibinit_gemm(int trans_a, int trans_b, int m, int n, int k, float alpha,
                           const float *a, int lda, const float *b, int ldb,
                           float beta, float *c, int ldc);
/* y += alpha x */
IBINIT_API int ibinit_axpy(int64_t n, float alpha, const float *x, float *y);
/* x *= alpha */
IBINIT_API int ibinit_scale(int64_t n, float alpha, float *x);

/* ---- rows and columns ---- */
/* x[r, c] += bias[c] */
IBINIT_API int ibinit_add_bias(int rows, int cols, float *x, const float *bias);
/* out[c] = sum_r x[r, c] (overwrites out) */
IBINIT_API int ibinit_column_sums(int rows, int cols, const float *x, float *out);
/* Per column mean and variance (divide by rows - ddof), host outputs of length cols. */
IBINIT_API int ibinit_column_mean_var(int rows, int cols, const float *x, int ddof,
                                      double *host_mean, double *host_var);
/* trace of the covariance of the columns: sum over columns of their variance. */
IBINIT_API int ibinit_covariance_trace(int rows, int cols, const float *x, int ddof, double *host_trace);
/* out[r] = log sum_c exp(x[r, c]), stable for large values. */
IBINIT_API int ibinit_logsumexp_rows(int rows, int cols, const float *x, float *out);

/* ---- activations (codes in ibinit_scalar.h) ---- */
IBINIT_API int ibinit_activation(int kind, float param, int64_t n, const float *x, float *y);
/* dx = dy * f'(x), with y = f(x) already computed; dx may alias dy. */
IBINIT_API int ibinit_activation_backward(int kind, float param, int64_t n, const float *x,
                                          const float *y, const float *dy, float *dx);

/* R-operator (Pearlmutter) of activation_backward, for Hessian-vector products: with rx and rdy
 * the directional derivatives of x and dy, rdx = rdy * f'(x) + dy * f''(x) * rx. rdx may alias rdy. */
IBINIT_API int ibinit_activation_backward_r(int kind, float param, int64_t n, const float *x, const float *y,
                                            const float *dy, const float *rx, const float *rdy, float *rdx);

/* ---- loss ---- */
/* Mean softmax cross-entropy over rows; labels are class indices (int32, device memory) in
 * [0, cols), checked by Java (one outside returns 1, an internal failure, writing nothing).
 * grad (nullable) receives (softmax - onehot) / rows. host_loss receives the mean loss. */
IBINIT_API int ibinit_softmax_xent(int rows, int cols, const float *logits, const int32_t *labels,
                                   float *grad, double *host_loss);

/* R-operator of the gradient of softmax_xent: with p = softmax(logits) per row and r the direction
 * of the logits, out[r, c] = p_c (r_c - sum_j p_j r_j) / rows (the Hessian of the mean loss times r).
 * The inner sum is accumulated in double. out may not alias logits or rlogits. */
IBINIT_API int ibinit_softmax_xent_r(int rows, int cols, const float *logits, const float *rlogits, float *out);

/* ---- optimizers (per-element rules in ibinit_scalar.h) ---- */
IBINIT_API int ibinit_sgd_momentum(int64_t n, float *w, const float *g, float *v, float lr,
                                   float momentum, float weight_decay, int nesterov);
/* step t >= 1 (bias correction) */
IBINIT_API int ibinit_adam(int64_t n, float *w, const float *g, float *m, float *v, float lr,
                           float beta1, float beta2, float eps, float weight_decay, int64_t step);

/* ---- random numbers (counter-based: element i uses index offset + i, see ibinit_scalar.h) ---- */
/* Raw Philox blocks for indices offset .. offset + blocks - 1, round 0, into host memory. */
IBINIT_API int ibinit_philox_blocks(uint64_t seed, uint32_t stream, uint64_t offset, int64_t blocks,
                                    uint32_t *host_out);
IBINIT_API int ibinit_fill_uniform(float *x, int64_t n, uint64_t seed, uint32_t stream, uint64_t offset,
                                   float lo, float hi);
IBINIT_API int ibinit_fill_normal(float *x, int64_t n, uint64_t seed, uint32_t stream, uint64_t offset,
                                  float mean, float std);
IBINIT_API int ibinit_fill_truncated_normal(float *x, int64_t n, uint64_t seed, uint32_t stream,
                                            uint64_t offset, float mean, float std, float lo, float hi);
/* out[i] = w[i] + U[-radius, radius) for element offset + i of the stream, which uses word
 * (offset + i) % 4 of Philox block (offset + i) / 4 (ibinit_perturb_from_block): a perturbed copy
 * of a weight tensor in one pass (entropic smoothing). out may be w (in place). */
IBINIT_API int ibinit_perturb_uniform(int64_t n, const float *w, float *out, uint64_t seed, uint32_t stream,
                                      uint64_t offset, float radius);

/* ---- convolution and pooling (NCHW; square window k, stride s, zero padding p) ----
 * An n x c x h x w input gives oh = (h + 2p - k) / s + 1 rows and ow = (w + 2p - k) / s + 1
 * columns of window positions. Java checks that they are >= 1 and that sizes fit in int64. */
/* cols[i, (ch*k + ky)*k + kx, oy*ow + ox] = x[i, ch, oy*s - p + ky, ox*s - p + kx] (0 outside):
 * per image the Caffe layout, so y_i[out, oh*ow] = W[out, c*k*k] cols_i is one plain GEMM. */
IBINIT_API int ibinit_im2col(int n, int c, int h, int w, int k, int s, int p, const float *x, float *cols);
/* The adjoint of im2col: dx[i, ch, y, x] = sum of every cols entry that im2col read from there
 * (overwrites dx). */
IBINIT_API int ibinit_col2im(int n, int c, int h, int w, int k, int s, int p, const float *cols, float *dx);
/* x[i, ch, j] += bias[ch] for x of n x c x hw. */
IBINIT_API int ibinit_add_channel_bias(int n, int c, int64_t hw, float *x, const float *bias);
/* out[ch] = sum over i and j of x[i, ch, j] (accumulated in double; overwrites out). */
IBINIT_API int ibinit_channel_sums(int n, int c, int64_t hw, const float *x, float *out);
/* Max-pooling: y[i, ch, oy, ox] = max of the window (padding never wins: it counts as -inf;
 * Java keeps p <= k/2 so every window holds a real pixel); argmax receives the winner's index
 * y*w + x within its h x w plane. The first maximum wins ties; a NaN wins over any number. */
IBINIT_API int ibinit_max_pool(int n, int c, int h, int w, int k, int s, int p, const float *x, float *y,
                               int32_t *argmax);
/* dx[i, ch, j] = sum of dy over the windows of plane (i, ch) whose argmax is j (overwrites dx;
 * overlapping windows add up). */
IBINIT_API int ibinit_max_pool_backward(int n, int c, int h, int w, int k, int s, int p, const float *dy,
                                        const int32_t *argmax, float *dx);

/* The adjoint of max_pool_backward (the R-operator of max_pool for a fixed argmax):
 * y[q, o] = x[q, argmax[q, o]] for each of `planes` planes of `plane` pixels and `positions` windows
 * (0 where argmax lies outside the plane). */
IBINIT_API int ibinit_max_pool_gather(int64_t planes, int64_t plane, int64_t positions, const float *x,
                                      const int32_t *argmax, float *y);

/* ---- neuron campaign (IBCI, see ibinit.init.ibci) ---- */
/* Adds, per class c and column j, the sum and the sum of squares (in double) of z[r, j] over the
 * rows whose label (int32, device memory) is c into host_sums[c * cols + j] and
 * host_sumsq[c * cols + j] (host arrays of classes x cols). Java checks the labels; a label
 * outside [0, classes) still returns 1 (an internal failure), changing nothing. */
IBINIT_API int ibinit_class_column_moments(int rows, int cols, const float *z, const int32_t *labels, int classes,
                                           double *host_sums, double *host_sumsq);

/* Greedy selection with Gram-Schmidt null-space projection over the rows w_j of w [k x d]
 * (device memory), in double: up to `count` times, pick the open j maximizing
 * host_scores[j] * ||p_j|| / ||w_j|| (p_j: w_j minus its projection on the picked rows; ties to
 * the lowest j); a picked row is closed. Residual norms are downdated, ||p_j||^2 -= (a^T w_j)^2
 * for each new orthonormal basis vector a, and recomputed from scratch when the downdated value
 * falls to IBINIT_GREEDY_RECOMPUTE_TOL times the last exact one (LAPACK's xLAQP2 rule). A row
 * whose exact residual is at most IBINIT_GREEDY_EXHAUSTED of its norm is spanned and closed.
 * host_chosen (count entries) receives the picks in order, *host_found how many there are
 * (fewer than count when every open row is spanned). Mirrored by ibinit.backend.ref.GreedySelection;
 * an implementation may defer downdates of rows that cannot win yet (the CPU one does) as long as
 * the picks are the same. */
#define IBINIT_GREEDY_EXHAUSTED 1e-6
#define IBINIT_GREEDY_RECOMPUTE_TOL 1.4901161193847656e-8
IBINIT_API int ibinit_greedy_select(int k, int d, const float *w, const double *host_scores, int count,
                                    int32_t *host_chosen, int32_t *host_found);

/* ---- dense layers and row gathers for the information estimators (ibinit.info) ---- */
/* y[rows x out] = f(x[rows x in] w[out x in]^T + b[out]): the GEMM, then one pass adding the bias
 * and applying f (codes in ibinit_scalar.h). For leaky ReLU, param (the slope) is >= 0, so that
 * f' can be read from y alone. */
IBINIT_API int ibinit_dense_act_forward(int rows, int in, int out, const float *x, const float *w,
                                        const float *b, int kind, float param, float *y);
/* Backward of ibinit_dense_act_forward, given its x, w, y: dy [rows x out] is overwritten with
 * d = dy * f'(y); dw [out x in] = d^T x and db [out] = column sums of d (accumulated in double)
 * are overwritten; dx [rows x in] = d w unless dx is NULL. */
IBINIT_API int ibinit_dense_act_backward(int rows, int in, int out, const float *x, const float *w,
                                         int kind, float param, const float *y, float *dy,
                                         float *dw, float *db, float *dx);
/* dst[r * ld_dst + c] = src[idx[r] * ld_src + c] for r < rows, c < cols; idx is int32 in device
 * memory, every entry a valid row of src (Java checks). */
IBINIT_API int ibinit_gather_rows(int rows, int cols, const float *src, int ld_src, const int32_t *idx,
                                  float *dst, int ld_dst);

/* ---- sparse filtering (Ngiam et al. 2011; ibinit.sparse) ---- */
/* The element-wise part of sparse filtering's objective and gradient for features
 * f [rows x cols] = X W^T (a row per example, a column per feature):
 *   fs = sqrt(f^2 + 1e-8); each column divided by sqrt(sum of its squares + 1e-8) -> nfs;
 *   each row of nfs divided by sqrt(sum of its squares + 1e-8) -> fhat; objective = sum fhat.
 * Writes *host_objective (accumulated in double) and delta [rows x cols] = d objective / d f
 * (delta must not alias f); the caller forms dW = delta^T X. Column and row sums accumulate in
 * double over fixed chunks of rows, combined in chunk order: the result does not depend on the
 * thread count. */
IBINIT_API int ibinit_sparse_filtering_grad(int rows, int cols, const float *f, float *delta,
                                            double *host_objective);

#ifdef __cplusplus
}
#endif
#endif
