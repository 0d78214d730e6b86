// Helpers shared by the CUDA backend's source files (not part of the ABI).
// All work runs on the legacy default stream, so kernels, copies and cuBLAS calls are ordered
// without explicit events; functions whose results go to host memory synchronize.
#ifndef IBINIT_CUDA_INTERNAL_CUH
#define IBINIT_CUDA_INTERNAL_CUH

#include <cuda_runtime.h>
#include <stdint.h>

// Sets ibinit_last_error (printf-style) and returns 1.
int ibinit_cuda_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

// 0 on success; else sets "<what>: <CUDA error name>: <message>" and returns 1.
int ibinit_cuda_check(cudaError_t err, const char *what);

// After a launch: reports a bad launch configuration (or an earlier sticky error).
inline int ibinit_cuda_launched(const char *what) { return ibinit_cuda_check(cudaGetLastError(), what); }

// Why cuBLAS cannot be used (NULL when it can); opens the library on the first call.
const char *ibinit_cublas_unavailable(void);
// Column-major cublasSgemm_v2 (trans flags 0/1) on the library's one handle, created lazily.
int ibinit_cublas_sgemm(int trans_a, int trans_b, int m, int n, int k, float alpha, const float *a, int lda,
                        const float *b, int ldb, float beta, float *c, int ldc);

constexpr int IBINIT_BLOCK = 256;

// Blocks for a grid-stride loop over n items: enough to fill any current GPU, the loop does the rest.
inline unsigned ibinit_blocks(int64_t n, int per_block = IBINIT_BLOCK) {
    int64_t b = (n + per_block - 1) / per_block;
    return (unsigned)(b < 1 ? 1 : b > 16384 ? 16384 : b);
}

// f(i) for every i in [0, n), grid-stride (n may exceed 2^31).
template <class F>
__global__ void ibinit_each_kernel(int64_t n, F f) {
    const int64_t stride = (int64_t)gridDim.x * blockDim.x;
    for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) f(i);
}

template <class F>
int ibinit_cuda_each(const char *what, int64_t n, F f) {
    if (n <= 0) return 0;
    ibinit_each_kernel<<<ibinit_blocks(n), IBINIT_BLOCK>>>(n, f);
    return ibinit_cuda_launched(what);
}

// Device scratch memory, stream-ordered on the default stream and freed at scope exit.
struct IbinitScratch {
    void *ptr = nullptr;
    int alloc(size_t bytes, const char *what) {
        return ibinit_cuda_check(cudaMallocAsync(&ptr, bytes ? bytes : 1, 0), what);
    }
    template <class T> T *as(size_t byte_offset = 0) const { return (T *)((char *)ptr + byte_offset); }
    ~IbinitScratch() { if (ptr) cudaFreeAsync(ptr, 0); }
};

// ---- warp-level row helpers (one warp reads one row) ----

__device__ inline float ibinit_warp_max(float v) {
    for (int o = 16; o > 0; o >>= 1) v = fmaxf(v, __shfl_xor_sync(0xffffffffu, v, o));
    return v;
}

__device__ inline double ibinit_warp_sum(double v) {
    for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffffu, v, o);
    return v;
}

// Sum over the row of exp(x - max) in double, and the row maximum; every lane gets both.
// As the CPU backend: a NaN anywhere gives NaN; an infinite maximum gives sum 1, so that
// max + log(sum) is that infinity rather than inf - inf.
__device__ inline double ibinit_warp_row_sumexp(const float *row, int cols, float *row_max) {
    const int lane = threadIdx.x & 31;
    float m = -INFINITY;
    bool nan = false;
    for (int c = lane; c < cols; c += 32) {
        float v = row[c];
        m = fmaxf(m, v);
        nan |= isnan(v);
    }
    m = ibinit_warp_max(m);
    *row_max = m;
    if (__any_sync(0xffffffffu, nan)) return NAN;
    if (isinf(m)) return 1.0;
    double s = 0.0;
    for (int c = lane; c < cols; c += 32) s += (double)expf(row[c] - m);
    return ibinit_warp_sum(s);
}

#endif
