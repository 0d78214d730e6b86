/*
 * GEMM: C is cut into fixed blocks, each computed by one single-threaded cblas_sgemm call
 * (OpenBLAS), and the blocks are shared out over our OpenMP threads.
 *
 * Why not OpenBLAS's own threading: OpenBLAS 0.3.21 splits the work by its thread count, and
 * its sgemm returns different bits for 1 and 2 threads on every shape we tried. Here the blocks
 * depend on the shape (m, n, k) only, never on the thread count, and a single-threaded call
 * gives the same bits for the same arguments, so C is the same bit for bit whatever the number
 * of threads (the whole library runs OpenBLAS single-threaded, see runtime.c). Every element of
 * C is one dot product over the full k inside one call, so no partial sums are combined here.
 * Speed against OpenBLAS's threading: benchmarks/RESULTS.md ("Thread-count independent GEMM").
 */
#include "ibinit.h"
#include "cpu_internal.h"

#include <cblas.h>

/* Block edges (rows and columns of C) aim at BLOCK_EDGE: large enough that the repacking of the
 * other operand per block stays a few per cent of the work, small enough that an MLP step's
 * GEMMs (128 x 512 and up) give several blocks per thread on a few cores. A dimension is cut
 * into equal parts (rounded up to a multiple of 16, OpenBLAS's AVX2 register tile), so there is
 * no thin last block. */
#define BLOCK_EDGE 128
/* Below this many multiply-adds a GEMM is one block: forking costs more than it saves. */
#define SERIAL_MACS ((int64_t)1 << 21)
/* A product this large is cut into at least MIN_BLOCKS blocks, with finer edges where the usual
 * ones give fewer (784-100-10's first layer, 128 x 100 x 784, is one 128 x 112 block otherwise,
 * and one of the two cores idles through the step's largest GEMM); no block is cut below
 * MIN_EDGE or SERIAL_MACS / 2 multiply-adds. */
#define MIN_BLOCKS 4
#define MIN_EDGE 32

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

/* The block edge for a dimension of `size`: equal parts of about `target`, multiples of 16. */
static int block_edge(int size, int target) {
    int parts = (size + target - 1) / target;
    int edge = (size + parts - 1) / parts;
    return (edge + 15) / 16 * 16;
}

static int count_blocks(int size, int edge) { return (size + edge - 1) / edge; }

/* The block edges (*bm rows, *bn columns of C): a function of the shape alone, never of the
 * thread count, so that the blocks and hence the bits are the same on any number of threads. */
static void choose_blocks(int m, int n, int k, int *bm, int *bn) {
    const int64_t macs = (int64_t)m * n * k;
    if (macs < SERIAL_MACS) {
        *bm = m;
        *bn = n;
        return;
    }
    int tm = BLOCK_EDGE, tn = BLOCK_EDGE;
    *bm = block_edge(m, tm);
    *bn = block_edge(n, tn);
    while (count_blocks(m, *bm) * count_blocks(n, *bn) < MIN_BLOCKS) {
        /* halve the target of the longer block edge, if the finer blocks stay large enough */
        int cut_rows = *bm >= *bn;
        int next_tm = cut_rows ? tm / 2 : tm, next_tn = cut_rows ? tn : tn / 2;
        if (next_tm < MIN_EDGE || next_tn < MIN_EDGE) break;
        int next_bm = block_edge(m, next_tm), next_bn = block_edge(n, next_tn);
        if ((int64_t)next_bm * next_bn * k < SERIAL_MACS / 2) break;
        tm = next_tm;
        tn = next_tn;
        *bm = next_bm;
        *bn = next_bn;
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
    const enum CBLAS_TRANSPOSE op_a = trans_a ? CblasTrans : CblasNoTrans;
    const enum CBLAS_TRANSPOSE op_b = trans_b ? CblasTrans : CblasNoTrans;
    if (ibinit_cpu_gemm_threaded()) { /* opted out of thread-count-independent bits: OpenBLAS threads it */
        cblas_sgemm(CblasRowMajor, op_a, op_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        return 0;
    }
    int bm, bn;
    choose_blocks(m, n, k, &bm, &bn);
    const int row_blocks = (m + bm - 1) / bm, col_blocks = (n + bn - 1) / bn;
    const int blocks = row_blocks * col_blocks;
    int nt = ibinit_cpu_threads();
    if (nt > blocks) nt = blocks;
    /* Which thread computes a block does not change its bits, so the blocks may go to whoever
     * is free (dynamic), which evens out a core slowed by other work. */
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(dynamic, 1)
    for (int blk = 0; blk < blocks; blk++) {
        const int i0 = (blk / col_blocks) * bm, j0 = (blk % col_blocks) * bn;
        const int mb = m - i0 < bm ? m - i0 : bm, nb = n - j0 < bn ? n - j0 : bn;
        /* rows i0.. of op(A) and columns j0.. of op(B), in the stored (row-major) layout */
        const float *ab = trans_a ? a + i0 : a + (int64_t)i0 * lda;
        const float *bb = trans_b ? b + (int64_t)j0 * ldb : b + j0;
        cblas_sgemm(CblasRowMajor, op_a, op_b, mb, nb, k, alpha, ab, lda, bb, ldb, beta,
                    c + (int64_t)i0 * ldc + j0, ldc);
    }
    return 0;
}
