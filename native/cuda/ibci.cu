// Neuron campaign (IBCI) kernels: per-class column moments and greedy selection with Gram-Schmidt
// null-space projection. Plain, eager versions of the rules in ibinit.backend.ref.ClassMoments and
// ibinit.backend.ref.GreedySelection, in double; a GPU reads the candidate matrix once per pick
// fast enough that the CPU library's lazy scheme is not needed here.
#include "ibinit.h"
#include "cuda_internal.cuh"

#include <vector>

// ------------------------------------------------------------------ class column moments ---

// Thread (c, j) of chunk z sums column j over the chunk's rows of class c. The branch on the label
// is the same for the whole warp (one row at a time), and the warp reads 32 adjacent floats.
__global__ void class_partials(int rows, int cols, int classes, int chunk_rows, const float *z, const int32_t *labels,
                               double *partial) {
    const int j = blockIdx.x * blockDim.x + threadIdx.x, c = blockIdx.y, chunk = blockIdx.z;
    if (j >= cols) return;
    const int r0 = chunk * chunk_rows, r1 = min(rows, r0 + chunk_rows);
    double s = 0.0, q = 0.0;
    for (int r = r0; r < r1; r++) {
        if (labels[r] != c) continue;
        double v = (double)z[(int64_t)r * cols + j];
        s += v;
        q += v * v;
    }
    double *out = partial + ((size_t)chunk * 2 * classes + c) * cols;
    out[j] = s;
    out[(size_t)classes * cols + j] = q;
}

// Adds the chunks' partials in chunk order (deterministic): out[0 .. classes*cols) sums, then squares.
__global__ void class_finish(int cells, int chunks, const double *partial, double *out) {
    const int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= 2 * cells) return;
    const int which = i / cells, cell = i % cells;
    double t = 0.0;
    for (int k = 0; k < chunks; k++) t += partial[((size_t)k * 2 + which) * cells + cell];
    out[i] = t;
}

__global__ void check_labels(int rows, int classes, const int32_t *labels, int *bad) {
    const int r = blockIdx.x * blockDim.x + threadIdx.x;
    if (r < rows && (labels[r] < 0 || labels[r] >= classes)) atomicExch(bad, 1);
}

extern "C" IBINIT_API int ibinit_class_column_moments(int rows, int cols, const float *z, const int32_t *labels, int classes,
                                                      double *host_sums, double *host_sumsq) {
    if (rows <= 0 || cols <= 0 || classes <= 0) return 0;
    const int chunk_rows = rows < 64 * 256 ? 256 : (rows + 63) / 64; // at most 64 chunks of partials
    const int chunks = (rows + chunk_rows - 1) / chunk_rows;
    const size_t cells = (size_t)classes * cols;
    IbinitScratch scratch;
    if (scratch.alloc(sizeof(double) * cells * 2 * ((size_t)chunks + 1) + sizeof(int), "class_column_moments: scratch")) return 1;
    double *partial = scratch.as<double>(), *total = partial + cells * 2 * chunks;
    int *bad = (int *)(total + cells * 2);
    if (ibinit_cuda_check(cudaMemsetAsync(bad, 0, sizeof(int), 0), "class_column_moments")) return 1;
    check_labels<<<(rows + 255) / 256, 256>>>(rows, classes, labels, bad);
    if (ibinit_cuda_launched("class_column_moments: labels")) return 1;
    class_partials<<<dim3((cols + 127) / 128, classes, chunks), 128>>>(rows, cols, classes, chunk_rows, z, labels, partial);
    if (ibinit_cuda_launched("class_column_moments: partials")) return 1;
    class_finish<<<(unsigned)((2 * cells + 255) / 256), 256>>>((int)cells, chunks, partial, total);
    if (ibinit_cuda_launched("class_column_moments: finish")) return 1;
    int flag = 0;
    std::vector<double> host(2 * cells);
    if (ibinit_cuda_check(cudaMemcpy(&flag, bad, sizeof(int), cudaMemcpyDeviceToHost), "class_column_moments")) return 1;
    if (flag) {
        // Java checks the labels first: reaching this is an internal failure like any other.
        ibinit_cuda_fail("class_column_moments: a label lies outside [0, %d)", classes);
        return 1;
    }
    if (ibinit_cuda_check(cudaMemcpy(host.data(), total, sizeof(double) * 2 * cells, cudaMemcpyDeviceToHost), "class_column_moments")) {
        return 1;
    }
    for (size_t i = 0; i < cells; i++) {
        host_sums[i] += host[i];
        host_sumsq[i] += host[cells + i];
    }
    return 0;
}

// ---------------------------------------------------------------------- greedy selection ---

constexpr int WARPS = IBINIT_BLOCK / 32;

// orig2 = res2 = exact2 = ||w_j||^2 (one warp per candidate); open when non-zero.
__global__ void gs_init(int k, int d, const float *w, double *orig2, double *res2, double *exact2, int *open) {
    const int j = blockIdx.x * WARPS + threadIdx.x / 32, lane = threadIdx.x & 31;
    if (j >= k) return;
    double s = 0.0;
    for (int e = lane; e < d; e += 32) {
        double x = (double)w[(int64_t)j * d + e];
        s += x * x;
    }
    s = ibinit_warp_sum(s);
    if (lane == 0) {
        orig2[j] = res2[j] = exact2[j] = s;
        open[j] = s > 0.0;
    }
}

// best = argmax over open j of scores[j] sqrt(res2[j] / orig2[j]), ties to the lower j; -1 when none is open.
__global__ void gs_argmax(int k, const double *scores, const double *orig2, const double *res2, const int *open, int *best) {
    __shared__ double sv[1024];
    __shared__ int si[1024];
    double bv = 0.0;
    int bi = -1;
    for (int j = threadIdx.x; j < k; j += blockDim.x) {
        if (!open[j]) continue;
        double v = scores[j] * sqrt(res2[j] / orig2[j]);
        if (bi < 0 || v > bv) { bv = v; bi = j; } // j ascends within a thread: first of equals stays
    }
    sv[threadIdx.x] = bv;
    si[threadIdx.x] = bi;
    __syncthreads();
    for (int half = blockDim.x / 2; half > 0; half /= 2) {
        if (threadIdx.x < half) {
            double ov = sv[threadIdx.x + half];
            int oi = si[threadIdx.x + half];
            bool better = oi >= 0 && (si[threadIdx.x] < 0 || ov > sv[threadIdx.x] || (ov == sv[threadIdx.x] && oi < si[threadIdx.x]));
            if (better) { sv[threadIdx.x] = ov; si[threadIdx.x] = oi; }
        }
        __syncthreads();
    }
    if (threadIdx.x == 0) *best = si[0];
}

__global__ void gs_load(int d, const float *wj, double *v) {
    const int e = blockIdx.x * blockDim.x + threadIdx.x;
    if (e < d) v[e] = (double)wj[e];
}

// coef[s] = basis[s] . v, one warp per basis row
__global__ void gs_coef(int n, int d, const double *basis, const double *v, double *coef) {
    const int s = blockIdx.x * WARPS + threadIdx.x / 32, lane = threadIdx.x & 31;
    if (s >= n) return;
    double t = 0.0;
    for (int e = lane; e < d; e += 32) t += basis[(int64_t)s * d + e] * v[e];
    t = ibinit_warp_sum(t);
    if (lane == 0) coef[s] = t;
}

// v[e] -= sum_s coef[s] basis[s][e]
__global__ void gs_subtract(int n, int d, const double *basis, const double *coef, double *v) {
    const int e = blockIdx.x * blockDim.x + threadIdx.x;
    if (e >= d) return;
    double t = 0.0;
    for (int s = 0; s < n; s++) t += coef[s] * basis[(int64_t)s * d + e];
    v[e] -= t;
}

// out = v . v (one block)
__global__ void gs_norm2(int d, const double *v, double *out) {
    __shared__ double part[WARPS];
    double t = 0.0;
    for (int e = threadIdx.x; e < d; e += blockDim.x) t += v[e] * v[e];
    t = ibinit_warp_sum(t);
    if ((threadIdx.x & 31) == 0) part[threadIdx.x / 32] = t;
    __syncthreads();
    if (threadIdx.x == 0) {
        double s = 0.0;
        for (int i = 0; i < WARPS; i++) s += part[i];
        *out = s;
    }
}

__global__ void gs_scale(int d, const double *v, double inv, double *a) {
    const int e = blockIdx.x * blockDim.x + threadIdx.x;
    if (e < d) a[e] = v[e] * inv;
}

// One warp per open candidate: res2 -= (a . w_j)^2, or a request to recompute when that cancels.
__global__ void gs_downdate(int k, int d, const float *w, const double *a, double *res2, const double *exact2, const int *open,
                            int *recompute, int *n_recompute) {
    const int j = blockIdx.x * WARPS + threadIdx.x / 32, lane = threadIdx.x & 31;
    if (j >= k || !open[j]) return;
    double p = 0.0;
    for (int e = lane; e < d; e += 32) p += a[e] * (double)w[(int64_t)j * d + e];
    p = ibinit_warp_sum(p);
    if (lane != 0) return;
    double down = res2[j] - p * p;
    if (down <= IBINIT_GREEDY_RECOMPUTE_TOL * exact2[j]) recompute[atomicAdd(n_recompute, 1)] = j;
    else res2[j] = down;
}

namespace {
// Device state of one selection; every buffer is a slice of one scratch allocation.
struct Greedy {
    int k, d;
    const float *w;
    double *scores, *orig2, *res2, *exact2, *basis, *v, *coef, *norm2;
    int *open, *best, *recompute, *n_recompute;

    // v = w_j minus its projection on basis rows [0, n), two classical Gram-Schmidt passes; returns ||v||^2.
    int residual(int j, int n, double *host_norm2) {
        gs_load<<<(d + 255) / 256, 256>>>(d, w + (int64_t)j * d, v);
        for (int pass = 0; pass < 2 && n > 0; pass++) {
            gs_coef<<<(n + WARPS - 1) / WARPS, IBINIT_BLOCK>>>(n, d, basis, v, coef);
            gs_subtract<<<(d + 255) / 256, 256>>>(n, d, basis, coef, v);
        }
        gs_norm2<<<1, IBINIT_BLOCK>>>(d, v, norm2);
        if (ibinit_cuda_launched("greedy_select: residual")) return 1;
        return ibinit_cuda_check(cudaMemcpy(host_norm2, norm2, sizeof(double), cudaMemcpyDeviceToHost), "greedy_select");
    }
};
}  // namespace

extern "C" IBINIT_API int ibinit_greedy_select(int k, int d, const float *w, const double *host_scores, int count,
                                               int32_t *host_chosen, int32_t *host_found) {
    *host_found = 0;
    if (k <= 0 || d <= 0 || count <= 0) return 0;
    const int max_basis = count < d ? count : d;
    const size_t doubles = 4 * (size_t)k + (size_t)max_basis * d + d + max_basis + 1;
    IbinitScratch scratch;
    if (scratch.alloc(sizeof(double) * doubles + sizeof(int) * (2 * (size_t)k + 2), "greedy_select: scratch")) return 1;
    Greedy g{k, d, w};
    double *p = scratch.as<double>();
    g.scores = p; p += k;
    g.orig2 = p; p += k;
    g.res2 = p; p += k;
    g.exact2 = p; p += k;
    g.basis = p; p += (size_t)max_basis * d;
    g.v = p; p += d;
    g.coef = p; p += max_basis;
    g.norm2 = p; p += 1;
    g.open = (int *)p;
    g.recompute = g.open + k;
    g.best = g.recompute + k;
    g.n_recompute = g.best + 1;
    if (ibinit_cuda_check(cudaMemcpy(g.scores, host_scores, sizeof(double) * k, cudaMemcpyHostToDevice), "greedy_select")) return 1;
    gs_init<<<(k + WARPS - 1) / WARPS, IBINIT_BLOCK>>>(k, d, w, g.orig2, g.res2, g.exact2, g.open);
    if (ibinit_cuda_launched("greedy_select: init")) return 1;
    std::vector<double> orig2(k);
    if (ibinit_cuda_check(cudaMemcpy(orig2.data(), g.orig2, sizeof(double) * k, cudaMemcpyDeviceToHost), "greedy_select")) return 1;
    const double exhausted2 = IBINIT_GREEDY_EXHAUSTED * IBINIT_GREEDY_EXHAUSTED;
    const int zero = 0;
    int found = 0;
    std::vector<int> flagged(k);
    while (found < max_basis) {
        int best = -1;
        gs_argmax<<<1, 1024>>>(k, g.scores, g.orig2, g.res2, g.open, g.best);
        if (ibinit_cuda_launched("greedy_select: argmax")) return 1;
        if (ibinit_cuda_check(cudaMemcpy(&best, g.best, sizeof(int), cudaMemcpyDeviceToHost), "greedy_select")) return 1;
        if (best < 0) break;
        if (ibinit_cuda_check(cudaMemcpy(g.open + best, &zero, sizeof(int), cudaMemcpyHostToDevice), "greedy_select")) return 1;
        double norm2 = 0.0;
        if (g.residual(best, found, &norm2)) return 1;
        if (norm2 <= exhausted2 * orig2[best]) continue; // spanned after all: closed, not picked
        double *a = g.basis + (int64_t)found * d;
        gs_scale<<<(d + 255) / 256, 256>>>(d, g.v, 1.0 / sqrt(norm2), a);
        host_chosen[found++] = best;
        if (ibinit_cuda_check(cudaMemsetAsync(g.n_recompute, 0, sizeof(int), 0), "greedy_select")) return 1;
        gs_downdate<<<(k + WARPS - 1) / WARPS, IBINIT_BLOCK>>>(k, d, w, a, g.res2, g.exact2, g.open, g.recompute, g.n_recompute);
        if (ibinit_cuda_launched("greedy_select: downdate")) return 1;
        int n = 0;
        if (ibinit_cuda_check(cudaMemcpy(&n, g.n_recompute, sizeof(int), cudaMemcpyDeviceToHost), "greedy_select")) return 1;
        if (n == 0) continue;
        // Cancelled downdates (rare): recompute those residual norms from scratch.
        if (ibinit_cuda_check(cudaMemcpy(flagged.data(), g.recompute, sizeof(int) * n, cudaMemcpyDeviceToHost), "greedy_select")) return 1;
        for (int i = 0; i < n; i++) {
            int j = flagged[i];
            double exact = 0.0;
            if (g.residual(j, found, &exact)) return 1;
            if (ibinit_cuda_check(cudaMemcpy(g.res2 + j, &exact, sizeof(double), cudaMemcpyHostToDevice), "greedy_select")
                || ibinit_cuda_check(cudaMemcpy(g.exact2 + j, &exact, sizeof(double), cudaMemcpyHostToDevice), "greedy_select")) {
                return 1;
            }
            if (exact <= exhausted2 * orig2[j]
                && ibinit_cuda_check(cudaMemcpy(g.open + j, &zero, sizeof(int), cudaMemcpyHostToDevice), "greedy_select")) {
                return 1;
            }
        }
    }
    *host_found = found;
    return 0;
}
