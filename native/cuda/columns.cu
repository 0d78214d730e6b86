/*
 * Column reductions: column_sums, column_mean_var, covariance_trace, in double.
 *
 * One pass over the matrix. Per column c we accumulate S = sum d and Q = sum d^2 of the shifted
 * values d = x[r, c] - K_c with K_c = x[0, c] (the CPU backend's shift: with it the two terms of
 * Q - S^2/n no longer cancel for columns whose mean is large against their spread), then
 *     mean = K_c + S / n,    var = max(Q - S * (S / n), 0) / (n - ddof).
 *
 * Layout. Rows are cut into chunks; block (x, y) sums 32 columns over chunk y with 32 x 8
 * threads, so each warp reads 32 adjacent floats of a row (coalesced), and writes one partial
 * (S, Q) per column and chunk. A second kernel adds the partials in chunk order: the results
 * do not depend on scheduling (no atomics), run to run.
 */
#include "ibinit.h"
#include "cuda_internal.cuh"

#include <vector>

constexpr int TILE_COLS = 32, TILE_ROWS = 8;

struct ColumnPlan {
    int col_blocks, chunks, chunk_rows;
    ColumnPlan(int rows, int cols) {
        col_blocks = (cols + TILE_COLS - 1) / TILE_COLS;
        // ~32 rows per thread keeps loads in flight; the grid's y limit (65535) bounds the chunk count.
        chunk_rows = 32 * TILE_ROWS;
        if ((rows + chunk_rows - 1) / chunk_rows > 65535) chunk_rows = (rows + 65534) / 65535;
        chunks = (rows + chunk_rows - 1) / chunk_rows;
    }
    dim3 grid() const { return dim3(col_blocks, chunks); }
    size_t partial_bytes(int cols) const { return sizeof(double) * 2 * (size_t)chunks * cols; }
};

// partial[(2 chunk) cols + c] = S, partial[(2 chunk + 1) cols + c] = Q (Q only when SHIFTED).
template <bool SHIFTED>
__global__ void column_partials(int rows, int cols, int chunk_rows, const float *x, double *partial) {
    __shared__ double s_tile[TILE_ROWS][TILE_COLS], q_tile[TILE_ROWS][TILE_COLS];
    const int c = blockIdx.x * TILE_COLS + threadIdx.x;
    const int r0 = blockIdx.y * chunk_rows;
    const int r1 = min(rows, r0 + chunk_rows);
    double s = 0.0, q = 0.0;
    if (c < cols) {
        const double shift = SHIFTED ? (double)x[c] : 0.0;
#pragma unroll 4
        for (int r = r0 + threadIdx.y; r < r1; r += TILE_ROWS) {
            double d = (double)x[(int64_t)r * cols + c] - shift;
            s += d;
            if (SHIFTED) q += d * d;
        }
    }
    s_tile[threadIdx.y][threadIdx.x] = s;
    q_tile[threadIdx.y][threadIdx.x] = q;
    __syncthreads();
    if (threadIdx.y == 0 && c < cols) {
        for (int k = 1; k < TILE_ROWS; k++) {
            s += s_tile[k][threadIdx.x];
            q += q_tile[k][threadIdx.x];
        }
        double *out = partial + (size_t)2 * blockIdx.y * cols;
        out[c] = s;
        if (SHIFTED) out[cols + c] = q;
    }
}

__global__ void finish_sums(int cols, int chunks, const double *partial, float *out) {
    const int c = blockIdx.x * blockDim.x + threadIdx.x;
    if (c >= cols) return;
    double s = 0.0;
    for (int k = 0; k < chunks; k++) s += partial[(size_t)2 * k * cols + c];
    out[c] = (float)s;
}

// moments[c] = mean, moments[cols + c] = variance.
__global__ void finish_moments(int rows, int cols, int ddof, int chunks, const float *x, const double *partial,
                               double *moments) {
    const int c = blockIdx.x * blockDim.x + threadIdx.x;
    if (c >= cols) return;
    double s = 0.0, q = 0.0;
    for (int k = 0; k < chunks; k++) {
        s += partial[(size_t)2 * k * cols + c];
        q += partial[(size_t)(2 * k + 1) * cols + c];
    }
    const double m = s / (double)rows;
    const double ss = q - s * m; // sum of squared deviations; >= 0 up to rounding
    moments[c] = (double)x[c] + m;
    moments[cols + c] = (ss > 0.0 ? ss : 0.0) / (double)(rows - ddof);
}

extern "C" IBINIT_API int ibinit_column_sums(int rows, int cols, const float *x, float *out) {
    if (cols <= 0) return 0;
    if (rows <= 0) return ibinit_cuda_check(cudaMemset(out, 0, sizeof(float) * (size_t)cols), "column_sums");
    ColumnPlan plan(rows, cols);
    IbinitScratch scratch;
    if (scratch.alloc(plan.partial_bytes(cols), "column_sums: scratch")) return 1;
    column_partials<false><<<plan.grid(), dim3(TILE_COLS, TILE_ROWS)>>>(rows, cols, plan.chunk_rows, x, scratch.as<double>());
    if (ibinit_cuda_launched("column_sums")) return 1;
    finish_sums<<<ibinit_blocks(cols), IBINIT_BLOCK>>>(cols, plan.chunks, scratch.as<double>(), out);
    return ibinit_cuda_launched("column_sums");
}

// Means (when host_mean is not NULL) and variances of every column, into host memory.
static int column_moments(const char *who, int rows, int cols, const float *x, int ddof, double *host_mean,
                          double *host_var) {
    if (rows <= 0 || ddof < 0 || rows - ddof <= 0) {
        return ibinit_cuda_fail("%s: %d rows with ddof %d leave no degrees of freedom", who, rows, ddof);
    }
    if (cols <= 0) return 0;
    ColumnPlan plan(rows, cols);
    const size_t moment_bytes = sizeof(double) * 2 * (size_t)cols;
    IbinitScratch scratch;
    if (scratch.alloc(plan.partial_bytes(cols) + moment_bytes, who)) return 1;
    double *partial = scratch.as<double>(), *moments = scratch.as<double>(plan.partial_bytes(cols));
    column_partials<true><<<plan.grid(), dim3(TILE_COLS, TILE_ROWS)>>>(rows, cols, plan.chunk_rows, x, partial);
    if (ibinit_cuda_launched(who)) return 1;
    finish_moments<<<ibinit_blocks(cols), IBINIT_BLOCK>>>(rows, cols, ddof, plan.chunks, x, partial, moments);
    if (ibinit_cuda_launched(who)) return 1;
    if (host_mean && ibinit_cuda_check(cudaMemcpy(host_mean, moments, moment_bytes / 2, cudaMemcpyDeviceToHost), who)) {
        return 1;
    }
    return ibinit_cuda_check(cudaMemcpy(host_var, moments + cols, moment_bytes / 2, cudaMemcpyDeviceToHost), who);
}

extern "C" IBINIT_API int ibinit_column_mean_var(int rows, int cols, const float *x, int ddof,
                                                 double *host_mean, double *host_var) {
    return column_moments("column_mean_var", rows, cols, x, ddof, host_mean, host_var);
}

extern "C" IBINIT_API int ibinit_covariance_trace(int rows, int cols, const float *x, int ddof, double *host_trace) {
    std::vector<double> var((size_t)(cols > 0 ? cols : 0));
    if (column_moments("covariance_trace", rows, cols, x, ddof, NULL, var.data())) return 1;
    // Column order on the host, as the CPU backend: equal to summing column_mean_var's variances.
    double t = 0.0;
    for (double v : var) t += v;
    *host_trace = t;
    return 0;
}
