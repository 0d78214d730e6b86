/* Sparse filtering's element-wise objective and gradient (see ibinit.h): three passes over
 * f [rows x cols] between the two GEMMs that the Java side issues.
 *   A: column sums of fs^2                       -> column norms c
 *   B: per row, nfs = fs / c, its norm r and sum s; objective += s / r;
 *      g = d obj / d nfs = 1/r - nfs s / r^3 (kept in delta); column sums of g fs -> t
 *   C: delta = (g / c - fs t / c^3) f / fs       (the chain through fs = sqrt(f^2 + eps))
 * Column sums are taken per fixed chunk of rows and the chunks added in order, so the bits do
 * not depend on how many threads ran the chunks. */
#include "ibinit.h"
#include "cpu_internal.h"

#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#define SF_EPS 1e-8
/* Rows per chunk of the column sums (the unit of work a thread takes). */
#define SF_CHUNK 64

static inline float fs_of(float f) { return sqrtf(f * f + (float)SF_EPS); }

/* Adds the chunk partials [chunks x cols] in chunk order into out [cols]. */
static void add_chunks(const double *partial, int chunks, int cols, double *out) {
    for (int c = 0; c < cols; c++) out[c] = 0.0;
    for (int k = 0; k < chunks; k++) {
        const double *p = partial + (int64_t)k * cols;
        for (int c = 0; c < cols; c++) out[c] += p[c];
    }
}

/* Sum of v[0..n) in double with four interleaved accumulators (a fixed order, so deterministic;
 * four chains keep the adds from waiting on each other). */
static inline void row_sums(const float *v, int n, double *sum, double *sum_sq) {
    double s[4] = {0, 0, 0, 0}, q[4] = {0, 0, 0, 0};
    int j = 0;
    for (; j + 4 <= n; j += 4) {
        for (int l = 0; l < 4; l++) {
            double x = v[j + l];
            s[l] += x;
            q[l] += x * x;
        }
    }
    for (; j < n; j++) {
        double x = v[j];
        s[0] += x;
        q[0] += x * x;
    }
    *sum = (s[0] + s[1]) + (s[2] + s[3]);
    *sum_sq = (q[0] + q[1]) + (q[2] + q[3]);
}

IBINIT_API int ibinit_sparse_filtering_grad(int rows, int cols, const float *f, float *delta,
                                            double *host_objective) {
    *host_objective = 0.0;
    if (rows <= 0 || cols <= 0) return 0;
    const int chunks = (rows + SF_CHUNK - 1) / SF_CHUNK;
    double *partial = malloc(sizeof(double) * (size_t)chunks * cols);
    double *col = malloc(sizeof(double) * (size_t)cols);
    double *chunk_obj = malloc(sizeof(double) * (size_t)chunks);
    float *inv_c = malloc(sizeof(float) * (size_t)cols);
    float *u = malloc(sizeof(float) * (size_t)cols);
    float *nfs_rows = NULL;
    int nt = ibinit_cpu_team((int64_t)rows * cols, IBINIT_CPU_GRAIN_CHEAP);
    if (nt > chunks) nt = chunks;
    nfs_rows = malloc(sizeof(float) * (size_t)cols * nt);
    if (!partial || !col || !chunk_obj || !inv_c || !u || !nfs_rows) {
        free(partial); free(col); free(chunk_obj); free(inv_c); free(u); free(nfs_rows);
        ibinit_cpu_set_error("sparse_filtering_grad: out of memory");
        return 1;
    }

    /* A: column sums of fs^2. */
    #pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int k = 0; k < chunks; k++) {
        double *p = partial + (int64_t)k * cols;
        memset(p, 0, sizeof(double) * (size_t)cols);
        int r1 = (k + 1) * SF_CHUNK < rows ? (k + 1) * SF_CHUNK : rows;
        for (int r = k * SF_CHUNK; r < r1; r++) {
            const float *fr = f + (int64_t)r * cols;
            for (int c = 0; c < cols; c++) {
                double s = fs_of(fr[c]);
                p[c] += s * s;
            }
        }
    }
    add_chunks(partial, chunks, cols, col);
    for (int c = 0; c < cols; c++) {
        col[c] = sqrt(col[c] + SF_EPS);
        inv_c[c] = (float)(1.0 / col[c]);
    }

    /* B: row normalization, objective, g (into delta) and the column sums of g fs. */
    #pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int k = 0; k < chunks; k++) {
        float *nfs = nfs_rows + (int64_t)cols * omp_get_thread_num(); /* this thread's row of nfs */
        double *p = partial + (int64_t)k * cols;
        memset(p, 0, sizeof(double) * (size_t)cols);
        double obj = 0.0;
        int r1 = (k + 1) * SF_CHUNK < rows ? (k + 1) * SF_CHUNK : rows;
        for (int r = k * SF_CHUNK; r < r1; r++) {
            const float *fr = f + (int64_t)r * cols;
            float *g = delta + (int64_t)r * cols;
            for (int c = 0; c < cols; c++) nfs[c] = fs_of(fr[c]) * inv_c[c];
            double s, q;
            row_sums(nfs, cols, &s, &q);
            double rn = sqrt(q + SF_EPS);
            obj += s / rn;
            float a = (float)(1.0 / rn), b = (float)(s / (rn * rn * rn));
            for (int c = 0; c < cols; c++) {
                float gv = a - nfs[c] * b;
                g[c] = gv;
                p[c] += (double)gv * fs_of(fr[c]);
            }
        }
        chunk_obj[k] = obj;
    }
    add_chunks(partial, chunks, cols, col); /* col now holds t */
    double objective = 0.0;
    for (int k = 0; k < chunks; k++) objective += chunk_obj[k];
    for (int c = 0; c < cols; c++) {
        double ic = inv_c[c];
        u[c] = (float)(col[c] * ic * ic * ic);
    }

    /* C: chain through the column normalization and fs. */
    #pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int r = 0; r < rows; r++) {
        const float *fr = f + (int64_t)r * cols;
        float *g = delta + (int64_t)r * cols;
        for (int c = 0; c < cols; c++) {
            float s = fs_of(fr[c]);
            g[c] = (g[c] * inv_c[c] - s * u[c]) * (fr[c] / s);
        }
    }
    *host_objective = objective;
    free(partial); free(col); free(chunk_obj); free(inv_c); free(u); free(nfs_rows);
    return 0;
}
