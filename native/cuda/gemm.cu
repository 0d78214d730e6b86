// Row-major GEMM through cuBLAS (column-major): row-major C = op(A) op(B) is column-major
// C^T = op(B)^T op(A)^T, and a row-major matrix read column-major is its transpose, so cuBLAS
// gets the operands swapped with the same transpose flags and leading dimensions.
#include "ibinit.h"
#include "cuda_internal.cuh"

extern "C" IBINIT_API int ibinit_gemm(int trans_a, int trans_b, int m, int n, int k, float alpha,
                                      const float *a, int lda, const float *b, int ldb,
                                      float beta, float *c, int ldc) {
    if (m <= 0 || n <= 0) return 0;
    if (k <= 0) {
        // C = beta C; cuBLAS would reject the zero leading dimensions of empty A and B.
        // As BLAS, beta = 0 writes zeros without reading C (NaN there does not survive).
        return ibinit_cuda_each("gemm (k = 0)", (int64_t)m * n, [=] __device__(int64_t i) {
            float *p = c + (i / n) * ldc + i % n;
            *p = beta == 0.0f ? 0.0f : beta * *p;
        });
    }
    return ibinit_cublas_sgemm(trans_b, trans_a, n, m, k, alpha, b, ldb, a, lda, beta, c, ldc);
}
