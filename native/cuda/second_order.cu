// The R-operator (Pearlmutter) kernels that exact Hessian-vector products need beyond the
// first-order ops (see native/cpu/second_order.c): per-element rules from ibinit_scalar.h, one
// warp per row for the softmax cross-entropy Hessian.
#include "ibinit.h"
#include "ibinit_scalar.h"
#include "cuda_internal.cuh"

// rdx may alias rdy: each element is read before it is written, by the same thread.
extern "C" IBINIT_API int ibinit_activation_backward_r(int kind, float param, int64_t n, const float *x,
                                                       const float *y, const float *dy, const float *rx,
                                                       const float *rdy, float *rdx) {
    return ibinit_cuda_each("activation_backward_r", n, [=] __device__(int64_t i) {
        rdx[i] = ibinit_act_backward_r(kind, param, x[i], y[i], dy[i], rx[i], rdy[i]);
    });
}

constexpr int XENT_R_ROWS_PER_BLOCK = IBINIT_BLOCK / 32;

__global__ void xent_r_rows(int rows, int cols, const float *logits, const float *rlogits, float *out) {
    const int row = blockIdx.x * XENT_R_ROWS_PER_BLOCK + threadIdx.x / 32;
    if (row >= rows) return;
    const int lane = threadIdx.x & 31;
    const float *z = logits + (int64_t)row * cols;
    const float *v = rlogits + (int64_t)row * cols;
    float m;
    const double s = ibinit_warp_row_sumexp(z, cols, &m);
    double dot = 0.0;
    for (int c = lane; c < cols; c += 32) dot += (double)expf(z[c] - m) / s * (double)v[c];
    dot = ibinit_warp_sum(dot);
    const double inv_rows = 1.0 / (double)rows;
    float *o = out + (int64_t)row * cols;
    for (int c = lane; c < cols; c += 32) o[c] = (float)((double)expf(z[c] - m) / s * ((double)v[c] - dot) * inv_rows);
}

extern "C" IBINIT_API int ibinit_softmax_xent_r(int rows, int cols, const float *logits, const float *rlogits,
                                                float *out) {
    if (rows <= 0 || cols <= 0) return ibinit_cuda_fail("softmax_xent_r: empty logits (%d x %d)", rows, cols);
    xent_r_rows<<<(rows + XENT_R_ROWS_PER_BLOCK - 1) / XENT_R_ROWS_PER_BLOCK, IBINIT_BLOCK>>>(rows, cols, logits,
                                                                                            rlogits, out);
    return ibinit_cuda_launched("softmax_xent_r");
}

extern "C" IBINIT_API int ibinit_max_pool_gather(int64_t planes, int64_t plane, int64_t positions, const float *x,
                                                 const int32_t *argmax, float *y) {
    return ibinit_cuda_each("max_pool_gather", planes * positions, [=] __device__(int64_t e) {
        const int32_t at = argmax[e];
        y[e] = at >= 0 && at < plane ? x[e / positions * plane + at] : 0.0f;
    });
}
