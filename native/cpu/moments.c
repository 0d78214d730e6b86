/*
 * Column means, column variances and the covariance trace (the sum of the column variances),
 * all from one kernel that reads the matrix once.
 *
 * Numerics. Per column c we accumulate, in double, S = sum_r d_r and Q = sum_r d_r^2 of the
 * shifted values d_r = x[r, c] - K_c, and finish with
 *     mean = K_c + S / n,    var = (Q - S^2 / n) / (n - ddof).
 * Without the shift (K = 0) this is the textbook formula whose two terms cancel: its relative
 * error is about eps * mean^2 / var, e.g. 1e-16 * 1e12 = 1e-4 for a column of mean 1e4 and
 * standard deviation 1e-2, which is common for unnormalised features and pre-activations. With
 * K_c = x[0, c] (the first row: a value of the column itself, so |mean(d)| is typically a few
 * standard deviations) the cancellation factor becomes mean(d)^2 / var = O(1)..O(100) and the
 * result keeps ~14 significant digits; even a first row that is a 1000-sigma outlier only costs
 * a factor 1e6 (relative error ~1e-10). A shift needs no extra pass, unlike two-pass or
 * Welford updates (a division per element). The products d*d of float data in double are nearly
 * exact, so the remaining error is the summation's, which the chunking below keeps short.
 *
 * Parallelism and determinism. Rows are cut into fixed chunks (about CHUNK_ELEMS elements each,
 * chosen from the shape only); each chunk gets its own partial S and Q, and the partials are
 * added in chunk order. The threads just share out the chunks, so the result is the same bit
 * for bit for any thread count.
 *
 * Speed. The inner kernel keeps the S and Q of 8 columns (4 AVX2 registers of doubles) in
 * registers across a block of ROW_BLOCK rows, so the accumulators touch memory once per block
 * rather than once per row; with the prefetch below the loop is bound by the memory read. Measured
 * for 10,000 x 512 (20 MB, ddof 1, benchmarks/native/openblas_gemm_bench covtrace): median
 * 0.62-0.73 ms with 2 threads and 1.19-1.26 ms with 1 when the matrix comes from DRAM,
 * 0.36-0.49 ms and 0.82-0.93 ms when it sits in the L3 cache.
 */
#include "ibinit.h"
#include "cpu_internal.h"

#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>

#define CHUNK_ELEMS ((int64_t)1 << 17)
#define ROW_BLOCK 8
/* Software prefetch. Each row block reads ROW_BLOCK rows side by side, which the hardware
 * prefetcher follows poorly; asking for the rows ~64 KiB ahead into L2 (hint T1: that distance
 * would thrash the 32 KiB L1 with T0) took 10,000 x 512 from ~1.0 ms to ~0.70 ms with 2 threads
 * and from ~1.8 ms to ~1.2 ms with 1, measured side by side here (T0: ~0.95 ms; none: ~1.06). */
#define PREFETCH_BYTES 65536

/* Shifted sums of rows [r0, r1) of every column into s[0..cols), q[0..cols) (overwritten). */
static void moments_chunk(const float *x, int64_t rows, int64_t cols, int64_t r0, int64_t r1,
                          const double *shift, double *restrict s, double *restrict q) {
    const int64_t cv = cols & ~(int64_t)7;
    int64_t ahead = (PREFETCH_BYTES / 4 + cols - 1) / cols;
    if (ahead < ROW_BLOCK) ahead = ROW_BLOCK;
    for (int64_t c = 0; c < cols; c++) s[c] = q[c] = 0.0;
    for (int64_t rb = r0; rb < r1; rb += ROW_BLOCK) {
        const int64_t nr = r1 - rb < ROW_BLOCK ? r1 - rb : ROW_BLOCK;
        const float *base = x + rb * cols;
        /* prefetch only inside the matrix (rows beyond this chunk belong to the next one) */
        const int prefetch = rb + ahead + nr <= rows;
        for (int64_t c = 0; c < cv; c += 8) {
            __m256d s0 = _mm256_loadu_pd(s + c), s1 = _mm256_loadu_pd(s + c + 4);
            __m256d q0 = _mm256_loadu_pd(q + c), q1 = _mm256_loadu_pd(q + c + 4);
            const __m256d h0 = _mm256_loadu_pd(shift + c), h1 = _mm256_loadu_pd(shift + c + 4);
            const float *p = base + c;
            for (int64_t i = 0; i < nr; i++, p += cols) {
                if (prefetch && (c & 15) == 0) _mm_prefetch((const char *)(p + ahead * cols), _MM_HINT_T1);
                __m256d d0 = _mm256_sub_pd(_mm256_cvtps_pd(_mm_loadu_ps(p)), h0);
                __m256d d1 = _mm256_sub_pd(_mm256_cvtps_pd(_mm_loadu_ps(p + 4)), h1);
                s0 = _mm256_add_pd(s0, d0);
                s1 = _mm256_add_pd(s1, d1);
                q0 = _mm256_fmadd_pd(d0, d0, q0);
                q1 = _mm256_fmadd_pd(d1, d1, q1);
            }
            _mm256_storeu_pd(s + c, s0);
            _mm256_storeu_pd(s + c + 4, s1);
            _mm256_storeu_pd(q + c, q0);
            _mm256_storeu_pd(q + c + 4, q1);
        }
        for (int64_t c = cv; c < cols; c++) {
            double sc = s[c], qc = q[c];
            const float *p = base + c;
            for (int64_t i = 0; i < nr; i++, p += cols) {
                double d = (double)*p - shift[c];
                sc += d;
                qc += d * d;
            }
            s[c] = sc;
            q[c] = qc;
        }
    }
}

/*
 * The shared core: per-column variance (divisor rows - ddof) into var, and the mean into mean
 * when it is not NULL. Returns 0, or 1 with the error set.
 */
static int column_moments(const char *who, int rows, int cols, const float *x, int ddof,
                          double *mean, double *var) {
    if (rows <= 0 || ddof < 0 || rows - ddof <= 0) {
        char msg[160];
        snprintf(msg, sizeof msg, "%s: %d rows with ddof %d leave no degrees of freedom", who, rows, ddof);
        ibinit_cpu_set_error(msg);
        return 1;
    }
    if (cols <= 0) return 0;
    int64_t chunk_rows = (CHUNK_ELEMS + cols - 1) / cols;
    chunk_rows = (chunk_rows + ROW_BLOCK - 1) / ROW_BLOCK * ROW_BLOCK;
    const int64_t chunks = (rows + chunk_rows - 1) / chunk_rows;

    /* shift[cols] | per chunk: s[cols], q[cols] */
    double *buf = malloc(sizeof(double) * (size_t)cols * (size_t)(1 + 2 * chunks));
    if (!buf) {
        char msg[160];
        snprintf(msg, sizeof msg, "%s: out of host memory for %lld x %d partial sums", who,
                 (long long)chunks, cols);
        ibinit_cpu_set_error(msg);
        return 1;
    }
    double *shift = buf;
    for (int c = 0; c < cols; c++) shift[c] = (double)x[c];

    int nt = ibinit_cpu_team((int64_t)rows * cols, IBINIT_CPU_GRAIN_CHEAP);
    if (nt > chunks) nt = (int)chunks;
    /* static: each thread streams one contiguous run of chunks, which measured ~7% faster than
     * handing out single chunks dynamically (the partials are per chunk either way). */
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t k = 0; k < chunks; k++) {
        int64_t r0 = k * chunk_rows;
        int64_t r1 = r0 + chunk_rows < rows ? r0 + chunk_rows : rows;
        double *part = buf + (size_t)cols * (size_t)(1 + 2 * k);
        moments_chunk(x, rows, cols, r0, r1, shift, part, part + cols);
    }

    /* Add the partials in chunk order into the first chunk's slots. */
    double *s = buf + cols, *q = buf + 2 * (size_t)cols;
    for (int64_t k = 1; k < chunks; k++) {
        const double *ps = buf + (size_t)cols * (size_t)(1 + 2 * k), *pq = ps + cols;
        for (int c = 0; c < cols; c++) {
            s[c] += ps[c];
            q[c] += pq[c];
        }
    }
    const double n = (double)rows, denom = (double)(rows - ddof);
    for (int c = 0; c < cols; c++) {
        double m = s[c] / n;
        double ss = q[c] - s[c] * m; /* sum of squared deviations; >= 0 up to rounding */
        var[c] = (ss > 0.0 ? ss : 0.0) / denom;
        if (mean) mean[c] = shift[c] + m;
    }
    free(buf);
    return 0;
}

IBINIT_API int ibinit_column_mean_var(int rows, int cols, const float *x, int ddof,
                                      double *host_mean, double *host_var) {
    return column_moments("column_mean_var", rows, cols, x, ddof, host_mean, host_var);
}

IBINIT_API int ibinit_covariance_trace(int rows, int cols, const float *x, int ddof, double *host_trace) {
    if (cols <= 0) {
        *host_trace = 0.0;
        return column_moments("covariance_trace", rows, 0, x, ddof, NULL, NULL);
    }
    double small[1024];
    double *var = cols <= 1024 ? small : malloc(sizeof(double) * (size_t)cols);
    if (!var) {
        ibinit_cpu_set_error("covariance_trace: out of host memory");
        return 1;
    }
    int rc = column_moments("covariance_trace", rows, cols, x, ddof, NULL, var);
    if (rc == 0) {
        /* Column order, like summing column_mean_var's variances: the two agree exactly. */
        double t = 0.0;
        for (int c = 0; c < cols; c++) t += var[c];
        *host_trace = t;
    }
    if (var != small) free(var);
    return rc;
}
