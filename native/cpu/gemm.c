/* GEMM: row-major cblas_sgemm from OpenBLAS (which threads itself with its own pool). */
#include "ibinit.h"
#include "cpu_internal.h"

#include <cblas.h>

/* C = beta C for k == 0 (BLAS semantics: beta == 0 overwrites, so NaN or garbage in C vanishes).
 * Done here because OpenBLAS rejects lda < 1, which a k == 0 row-major A may legally have. */
static void scale_c(int m, int n, float beta, float *c, int ldc) {
    for (int64_t i = 0; i < m; i++) {
        float *row = c + i * (int64_t)ldc;
        if (beta == 0.0f) {
            for (int j = 0; j < n; j++) row[j] = 0.0f;
        } else if (beta != 1.0f) {
            for (int j = 0; j < n; j++) row[j] *= beta;
        }
    }
}

IBINIT_API int ibinit_gemm(int trans_a, int trans_b, int m, int n, int k, float alpha,
                           const float *a, int lda, const float *b, int ldb,
                           float beta, float *c, int ldc) {
    if (m < 0 || n < 0 || k < 0) {
        ibinit_cpu_set_error("gemm: negative dimension");
        return 1;
    }
    if (m == 0 || n == 0) return 0;
    if (k == 0) {
        scale_c(m, n, beta, c, ldc);
        return 0;
    }
    cblas_sgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans, trans_b ? CblasTrans : CblasNoTrans,
                m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    return 0;
}
