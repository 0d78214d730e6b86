// Row-wise ops: add_bias and logsumexp_rows (one warp per row).
#include "ibinit.h"
#include "cuda_internal.cuh"

extern "C" IBINIT_API int ibinit_add_bias(int rows, int cols, float *x, const float *bias) {
    if (cols <= 0) return 0;
    return ibinit_cuda_each("add_bias", (int64_t)rows * cols, [=] __device__(int64_t i) { x[i] += bias[i % cols]; });
}

constexpr int ROWS_PER_BLOCK = IBINIT_BLOCK / 32;

__global__ void logsumexp_kernel(int rows, int cols, const float *x, float *out) {
    const int row = blockIdx.x * ROWS_PER_BLOCK + threadIdx.x / 32;
    if (row >= rows) return; // whole warps leave together
    float m;
    double s = ibinit_warp_row_sumexp(x + (int64_t)row * cols, cols, &m);
    if ((threadIdx.x & 31) == 0) out[row] = (float)((double)m + log(s));
}

extern "C" IBINIT_API int ibinit_logsumexp_rows(int rows, int cols, const float *x, float *out) {
    if (cols <= 0) return ibinit_cuda_fail("logsumexp_rows: no columns");
    if (rows <= 0) return 0;
    logsumexp_kernel<<<(rows + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK, IBINIT_BLOCK>>>(rows, cols, x, out);
    return ibinit_cuda_launched("logsumexp_rows");
}
