// Sparse filtering's element-wise objective and gradient (see ibinit.h), between the two cuBLAS
// GEMMs the Java side issues. The passes follow the CPU kernel:
//   A: column sums of fs^2 -> 1/c          B: per row (one warp), nfs = fs / c, r, s; g = 1/r - nfs s / r^3
//   C: column sums of g fs -> u = t / c^3  D: delta = (g / c - fs u) f / fs
// Column sums: 32 x 8 thread tiles over fixed chunks of rows write one partial per chunk and
// column; a second kernel adds them in chunk order (no atomics: the same bits run to run). The
// per-row objective terms go to the host and are added there in row order.
#include "ibinit.h"
#include "cuda_internal.cuh"

#include <vector>

namespace {

constexpr float SF_EPS = 1e-8f;
constexpr int TILE_COLS = 32, TILE_ROWS = 8, CHUNK_ROWS = 256;

__device__ inline float fs_of(float f) { return sqrtf(f * f + SF_EPS); }

// partial[chunk * cols + c] = sum over the chunk's rows of term(r, c), in double.
template <class Term>
__global__ void chunk_column_sums(int rows, int cols, Term term, double *partial) {
    __shared__ double tile[TILE_ROWS][TILE_COLS];
    const int c = blockIdx.x * TILE_COLS + threadIdx.x;
    const int r0 = blockIdx.y * CHUNK_ROWS;
    const int r1 = min(rows, r0 + CHUNK_ROWS);
    double s = 0.0;
    if (c < cols) {
        for (int r = r0 + threadIdx.y; r < r1; r += TILE_ROWS) s += term(r, c);
    }
    tile[threadIdx.y][threadIdx.x] = s;
    __syncthreads();
    if (threadIdx.y == 0 && c < cols) {
        for (int k = 1; k < TILE_ROWS; k++) s += tile[k][threadIdx.x];
        partial[(size_t)blockIdx.y * cols + c] = s;
    }
}

// The chunk partials added in chunk order, handed to finish(c, sum).
template <class Finish>
__global__ void add_chunks(int cols, int chunks, const double *partial, Finish finish) {
    const int c = blockIdx.x * blockDim.x + threadIdx.x;
    if (c >= cols) return;
    double s = 0.0;
    for (int k = 0; k < chunks; k++) s += partial[(size_t)k * cols + c];
    finish(c, s);
}

// B: one warp per row; g (d obj / d nfs) into delta, the row's share of the objective into row_obj.
__global__ void row_pass(int rows, int cols, const float *f, const float *inv_c, float *delta, double *row_obj) {
    const int warp = (blockIdx.x * blockDim.x + threadIdx.x) >> 5, lane = threadIdx.x & 31;
    const int warps = (gridDim.x * blockDim.x) >> 5;
    for (int r = warp; r < rows; r += warps) {
        const float *fr = f + (int64_t)r * cols;
        double s = 0.0, q = 0.0;
        for (int c = lane; c < cols; c += 32) {
            double v = fs_of(fr[c]) * inv_c[c];
            s += v;
            q += v * v;
        }
        s = ibinit_warp_sum(s);
        q = ibinit_warp_sum(q);
        const double rn = sqrt(q + (double)SF_EPS);
        const float a = (float)(1.0 / rn), b = (float)(s / (rn * rn * rn));
        float *g = delta + (int64_t)r * cols;
        for (int c = lane; c < cols; c += 32) g[c] = a - fs_of(fr[c]) * inv_c[c] * b;
        if (lane == 0) row_obj[r] = s / rn;
    }
}

} // namespace

extern "C" IBINIT_API int ibinit_sparse_filtering_grad(int rows, int cols, const float *f, float *delta,
                                                       double *host_objective) {
    *host_objective = 0.0;
    if (rows <= 0 || cols <= 0) return 0;
    const int chunks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
    if (chunks > 65535) return ibinit_cuda_fail("sparse_filtering_grad: %d rows exceed the chunk grid", rows);
    const size_t partial_bytes = sizeof(double) * (size_t)chunks * cols;
    const size_t obj_bytes = sizeof(double) * (size_t)rows;
    IbinitScratch scratch;
    if (scratch.alloc(partial_bytes + obj_bytes + 2 * sizeof(float) * (size_t)cols, "sparse_filtering_grad: scratch")) return 1;
    double *partial = scratch.as<double>(), *row_obj = scratch.as<double>(partial_bytes);
    float *inv_c = scratch.as<float>(partial_bytes + obj_bytes), *u = inv_c + cols;
    const dim3 tiles((cols + TILE_COLS - 1) / TILE_COLS, chunks), tile(TILE_COLS, TILE_ROWS);

    // A
    chunk_column_sums<<<tiles, tile>>>(rows, cols, [=] __device__(int r, int c) {
        double s = fs_of(f[(int64_t)r * cols + c]);
        return s * s;
    }, partial);
    if (ibinit_cuda_launched("sparse_filtering_grad: column norms")) return 1;
    add_chunks<<<ibinit_blocks(cols), IBINIT_BLOCK>>>(cols, chunks, partial, [=] __device__(int c, double s) {
        inv_c[c] = (float)(1.0 / sqrt(s + (double)SF_EPS));
    });
    if (ibinit_cuda_launched("sparse_filtering_grad: column norms")) return 1;
    // B
    row_pass<<<ibinit_blocks((int64_t)rows * 32), IBINIT_BLOCK>>>(rows, cols, f, inv_c, delta, row_obj);
    if (ibinit_cuda_launched("sparse_filtering_grad: rows")) return 1;
    // C
    chunk_column_sums<<<tiles, tile>>>(rows, cols, [=] __device__(int r, int c) {
        int64_t i = (int64_t)r * cols + c;
        return (double)delta[i] * fs_of(f[i]);
    }, partial);
    if (ibinit_cuda_launched("sparse_filtering_grad: column sums")) return 1;
    add_chunks<<<ibinit_blocks(cols), IBINIT_BLOCK>>>(cols, chunks, partial, [=] __device__(int c, double t) {
        double ic = inv_c[c];
        u[c] = (float)(t * ic * ic * ic);
    });
    if (ibinit_cuda_launched("sparse_filtering_grad: column sums")) return 1;
    // D
    if (ibinit_cuda_each("sparse_filtering_grad: delta", (int64_t)rows * cols, [=] __device__(int64_t i) {
            const int c = (int)(i % cols);
            const float s = fs_of(f[i]);
            delta[i] = (delta[i] * inv_c[c] - s * u[c]) * (f[i] / s);
        })) return 1;
    std::vector<double> obj((size_t)rows);
    if (ibinit_cuda_check(cudaMemcpy(obj.data(), row_obj, obj_bytes, cudaMemcpyDeviceToHost), "sparse_filtering_grad: objective")) {
        return 1;
    }
    double total = 0.0;
    for (double v : obj) total += v;
    *host_objective = total;
    return 0;
}
