/*
 * Kernels of the neuron campaign (IBCI): per-class column moments and greedy selection with
 * Gram-Schmidt null-space projection. The rules mirror ibinit.backend.ref.GreedySelection and
 * ibinit.backend.ref.ClassMoments; sums run in double.
 */
#include "ibinit.h"
#include "cpu_internal.h"

#include <immintrin.h>
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ class column moments --- */

IBINIT_API int ibinit_class_column_moments(int rows, int cols, const float *z, const int32_t *labels, int classes,
                                           double *host_sums, double *host_sumsq) {
    /* Check every label first, so a bad one leaves the sums untouched. */
    for (int r = 0; r < rows; r++) {
        if (labels[r] < 0 || labels[r] >= classes) {
            ibinit_cpu_set_error("a label lies outside [0, classes)");
            return 2;
        }
    }
    /* Threads split the columns, so each owns its slice of every class row of the sums. */
    int nt = cols < 64 ? 1 : ibinit_cpu_team((int64_t)rows * cols, IBINIT_CPU_GRAIN_CHEAP);
#pragma omp parallel num_threads(nt) if(nt > 1)
    {
        int t = omp_get_thread_num(), n = omp_get_num_threads();
        int c0 = (int)((int64_t)cols * t / n), c1 = (int)((int64_t)cols * (t + 1) / n);
        for (int r = 0; r < rows; r++) {
            const float *row = z + (int64_t)r * cols;
            double *s = host_sums + (int64_t)labels[r] * cols;
            double *q = host_sumsq + (int64_t)labels[r] * cols;
            for (int j = c0; j < c1; j++) {
                double v = (double)row[j];
                s[j] += v;
                q[j] += v * v;
            }
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ greedy selection --- */

/* sum_e a[e] w[e], a in double, w in float, accumulated in double. */
static double dot_df(const double *a, const float *w, int d) {
    int e = 0;
    double s = 0.0;
#if defined(__AVX2__) && defined(__FMA__)
    __m256d acc0 = _mm256_setzero_pd(), acc1 = _mm256_setzero_pd();
    __m256d acc2 = _mm256_setzero_pd(), acc3 = _mm256_setzero_pd();
    for (; e + 16 <= d; e += 16) {
        __m256 w0 = _mm256_loadu_ps(w + e), w1 = _mm256_loadu_ps(w + e + 8);
        acc0 = _mm256_fmadd_pd(_mm256_loadu_pd(a + e), _mm256_cvtps_pd(_mm256_castps256_ps128(w0)), acc0);
        acc1 = _mm256_fmadd_pd(_mm256_loadu_pd(a + e + 4), _mm256_cvtps_pd(_mm256_extractf128_ps(w0, 1)), acc1);
        acc2 = _mm256_fmadd_pd(_mm256_loadu_pd(a + e + 8), _mm256_cvtps_pd(_mm256_castps256_ps128(w1)), acc2);
        acc3 = _mm256_fmadd_pd(_mm256_loadu_pd(a + e + 12), _mm256_cvtps_pd(_mm256_extractf128_ps(w1, 1)), acc3);
    }
    __m256d acc = _mm256_add_pd(_mm256_add_pd(acc0, acc1), _mm256_add_pd(acc2, acc3));
    double lanes[4];
    _mm256_storeu_pd(lanes, acc);
    s = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
#endif
    for (; e < d; e++) s += a[e] * (double)w[e];
    return s;
}

static double dot_dd(const double *a, const double *b, int d) {
    double s = 0.0;
    for (int e = 0; e < d; e++) s += a[e] * b[e];
    return s;
}

/* v = w_j minus its projection on basis[0..n), two classical Gram-Schmidt passes; coef holds n doubles. */
static void residual(const float *wj, int d, const double *basis, int n, double *v, double *coef) {
    for (int e = 0; e < d; e++) v[e] = (double)wj[e];
    for (int pass = 0; pass < 2; pass++) {
        for (int s = 0; s < n; s++) coef[s] = dot_dd(basis + (int64_t)s * d, v, d);
        for (int s = 0; s < n; s++) {
            const double *b = basis + (int64_t)s * d;
            double c = coef[s];
            for (int e = 0; e < d; e++) v[e] -= c * b[e];
        }
    }
}

IBINIT_API int ibinit_greedy_select(int k, int d, const float *w, const double *host_scores, int count,
                                    int32_t *host_chosen, int32_t *host_found) {
    *host_found = 0;
    if (k <= 0 || d <= 0 || count <= 0) return 0;
    const int max_basis = count < d ? count : d;
    const int nt = ibinit_cpu_threads();
    const double exhausted2 = IBINIT_GREEDY_EXHAUSTED * IBINIT_GREEDY_EXHAUSTED;
    double *orig2 = malloc(sizeof(double) * (size_t)k);
    double *res2 = malloc(sizeof(double) * (size_t)k);
    double *exact2 = malloc(sizeof(double) * (size_t)k);
    unsigned char *open = malloc((size_t)k);
    double *basis = malloc(sizeof(double) * (size_t)max_basis * (size_t)d);
    /* per thread: a residual vector (d) and Gram-Schmidt coefficients (max_basis) */
    double *scratch = malloc(sizeof(double) * (size_t)nt * (size_t)(d + max_basis));
    if (!orig2 || !res2 || !exact2 || !open || !basis || !scratch) {
        free(orig2); free(res2); free(exact2); free(open); free(basis); free(scratch);
        ibinit_cpu_set_error("greedy_select: out of host memory");
        return 1;
    }
    for (int j = 0; j < k; j++) {
        const float *wj = w + (int64_t)j * d;
        double s = 0.0;
        for (int e = 0; e < d; e++) s += (double)wj[e] * (double)wj[e];
        orig2[j] = res2[j] = exact2[j] = s;
        open[j] = s > 0.0;
    }
    int found = 0;
    while (found < max_basis) {
        int best = -1;
        double best_value = 0.0;
        for (int j = 0; j < k; j++) {
            if (!open[j]) continue;
            double v = host_scores[j] * sqrt(res2[j] / orig2[j]);
            if (best < 0 || v > best_value) { best = j; best_value = v; }
        }
        if (best < 0) break;
        open[best] = 0;
        double *a = basis + (int64_t)found * d;
        residual(w + (int64_t)best * d, d, basis, found, a, scratch + d);
        double norm2 = dot_dd(a, a, d);
        if (norm2 <= exhausted2 * orig2[best]) continue; /* spanned after all: closed, not picked */
        double inv = 1.0 / sqrt(norm2);
        for (int e = 0; e < d; e++) a[e] *= inv;
        host_chosen[found++] = best;
        /* One product of the new direction with every open candidate; a^T p_j = a^T w_j. */
        int team = ibinit_cpu_team((int64_t)(k - found) * d, IBINIT_CPU_GRAIN_CHEAP);
#pragma omp parallel for num_threads(team) if(team > 1) schedule(static)
        for (int j = 0; j < k; j++) {
            if (!open[j]) continue;
            const float *wj = w + (int64_t)j * d;
            double p = dot_df(a, wj, d);
            double down = res2[j] - p * p;
            if (down <= IBINIT_GREEDY_RECOMPUTE_TOL * exact2[j]) {
                double *v = scratch + (int64_t)omp_get_thread_num() * (d + max_basis);
                residual(wj, d, basis, found, v, v + d);
                down = dot_dd(v, v, d);
                exact2[j] = down;
                if (down <= exhausted2 * orig2[j]) open[j] = 0;
            }
            res2[j] = down;
        }
    }
    *host_found = found;
    free(orig2); free(res2); free(exact2); free(open); free(basis); free(scratch);
    return 0;
}
