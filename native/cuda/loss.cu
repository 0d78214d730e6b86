// Mean softmax cross-entropy and its gradient (one warp per row), as the CPU backend: every
// label is checked before anything is written (grad may alias logits), per-row losses are
// double and added in a fixed order, and a bad label is reported with its row.
#include "ibinit.h"
#include "cuda_internal.cuh"

// Device-side result, read back with one copy.
struct XentStatus {
    int bad_row;   // first row whose label is outside [0, cols); NO_BAD_ROW when none
    int bad_label;
    double loss;   // mean loss
};

// cudaMemset with bytes 0x7f: larger than any row index, so atomicMin finds the first bad row.
constexpr int NO_BAD_ROW = 0x7f7f7f7f;
constexpr int ROWS_PER_BLOCK = IBINIT_BLOCK / 32;

__global__ void check_labels(int rows, int cols, const int32_t *labels, XentStatus *status) {
    const int r = blockIdx.x * blockDim.x + threadIdx.x;
    if (r < rows && (labels[r] < 0 || labels[r] >= cols)) atomicMin(&status->bad_row, r);
}

__global__ void xent_rows(int rows, int cols, const float *logits, const int32_t *labels, float *grad,
                          const XentStatus *status, double *row_loss) {
    const int row = blockIdx.x * ROWS_PER_BLOCK + threadIdx.x / 32;
    if (status->bad_row != NO_BAD_ROW || row >= rows) return;
    const int lane = threadIdx.x & 31;
    const float *x = logits + (int64_t)row * cols;
    const int label = labels[row];
    const float x_label = x[label]; // read before any lane writes grad (which may alias logits)
    float m;
    const double s = ibinit_warp_row_sumexp(x, cols, &m);
    // -log softmax[label] = (m - x[label]) + log sum_c exp(x[c] - m)
    if (lane == 0) row_loss[row] = ((double)m - (double)x_label) + log(s);
    if (!grad) return;
    const double inv_rows = 1.0 / (double)rows, scale = inv_rows / s;
    float *g = grad + (int64_t)row * cols;
    for (int c = lane; c < cols; c += 32) {
        g[c] = c == label ? (float)(((double)expf(x_label - m) / s - 1.0) * inv_rows)
                          : (float)((double)expf(x[c] - m) * scale);
    }
}

// One block adds the row losses in a fixed order (strided per thread, then a tree).
__global__ void xent_total(int rows, const int32_t *labels, const double *row_loss, XentStatus *status) {
    __shared__ double part[IBINIT_BLOCK];
    if (status->bad_row != NO_BAD_ROW) {
        if (threadIdx.x == 0) status->bad_label = labels[status->bad_row];
        return;
    }
    double s = 0.0;
    for (int r = threadIdx.x; r < rows; r += blockDim.x) s += row_loss[r];
    part[threadIdx.x] = s;
    __syncthreads();
    for (int half = blockDim.x / 2; half > 0; half >>= 1) {
        if (threadIdx.x < half) part[threadIdx.x] += part[threadIdx.x + half];
        __syncthreads();
    }
    if (threadIdx.x == 0) status->loss = part[0] / (double)rows;
}

extern "C" IBINIT_API int ibinit_softmax_xent(int rows, int cols, const float *logits, const int32_t *labels,
                                              float *grad, double *host_loss) {
    if (rows <= 0 || cols <= 0) return ibinit_cuda_fail("softmax_xent: empty logits (%d x %d)", rows, cols);
    IbinitScratch scratch;
    if (scratch.alloc(sizeof(XentStatus) + sizeof(double) * (size_t)rows, "softmax_xent: scratch")) return 1;
    XentStatus *status = scratch.as<XentStatus>();
    double *row_loss = scratch.as<double>(sizeof(XentStatus));
    if (ibinit_cuda_check(cudaMemsetAsync(status, 0x7f, sizeof(int), 0), "softmax_xent")) return 1;
    check_labels<<<(rows + IBINIT_BLOCK - 1) / IBINIT_BLOCK, IBINIT_BLOCK>>>(rows, cols, labels, status);
    if (ibinit_cuda_launched("softmax_xent: check labels")) return 1;
    xent_rows<<<(rows + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK, IBINIT_BLOCK>>>(rows, cols, logits, labels, grad,
                                                                               status, row_loss);
    if (ibinit_cuda_launched("softmax_xent")) return 1;
    xent_total<<<1, IBINIT_BLOCK>>>(rows, labels, row_loss, status);
    if (ibinit_cuda_launched("softmax_xent: total")) return 1;
    XentStatus result;
    if (ibinit_cuda_check(cudaMemcpy(&result, status, sizeof result, cudaMemcpyDeviceToHost), "softmax_xent")) return 1;
    if (result.bad_row != NO_BAD_ROW) {
        return ibinit_cuda_fail("softmax_xent: label %d of row %d is outside [0, %d)", result.bad_label,
                                result.bad_row, cols);
    }
    *host_loss = result.loss;
    return 0;
}
