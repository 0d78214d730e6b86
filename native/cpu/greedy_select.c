/*
 * Greedy selection with Gram-Schmidt null-space projection (IBCI's Algorithm 1): the picks of the
 * eager rule in ibinit.backend.ref.GreedySelection, found lazily.
 *
 * The eager rule downdates every open candidate's residual norm after each pick,
 * ||p_j||^2 -= (a^T w_j)^2 (with LAPACK's recompute-from-scratch rule): one pass over the whole
 * k x d candidate matrix per pick, bound by memory bandwidth on a CPU (16 MB a pick for 4,096
 * candidates of dimension 1,000; ~1.4 s for 512 picks on this project's 2-core machine). Here a
 * candidate is brought up to date only when it could win. Residual norms only shrink, so for a
 * positive score s_j the value s_j ||p_j|| / ||w_j|| at its last update bounds its current value
 * from above. A max-heap orders the open candidates of positive score by these bounds (ties to the
 * lower index); the top is brought up to date (its missing downdates, in order, from its products
 * with the basis vectors it has not seen) until the top is current, and then it is the eager rule's pick.
 * Every downdate is the eager rule's, in the same order, so the picks are the same; candidates that
 * never come near the top are never touched (for 512 of 4,096 random candidates, ~40% of the eager
 * rule's products, each from the small basis rather than the whole candidate matrix).
 *
 * A positive-score candidate's value stays positive, so it beats every candidate of score <= 0
 * (whose value grows towards 0 as its residual shrinks, so a stale value bounds nothing). Those are
 * considered only once no positive-score candidate is open, and then eagerly.
 */
#include "ibinit.h"
#include "cpu_internal.h"

#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#if defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>
#endif

typedef struct {
    double value; /* upper bound of s_j ||p_j|| / ||w_j|| */
    int index;
} Entry;

static int above(Entry a, Entry b) { return a.value > b.value || (a.value == b.value && a.index < b.index); }

static void sift_down(Entry *h, int n, int i) {
    for (;;) {
        int l = 2 * i + 1, r = l + 1, top = i;
        if (l < n && above(h[l], h[top])) top = l;
        if (r < n && above(h[r], h[top])) top = r;
        if (top == i) return;
        Entry t = h[i]; h[i] = h[top]; h[top] = t;
        i = top;
    }
}

typedef struct {
    int d, max_basis, found;
    const float *w;
    const double *scores;
    double *orig2, *res2, *exact2; /* ||w_j||^2, downdated ||p_j||^2, ||p_j||^2 at its last exact computation */
    int *applied;                  /* basis vectors already downdated into res2[j] */
    unsigned char *closed;         /* picked or spanned */
    double *basis;                 /* max_basis x d, orthonormal rows */
    double *products;              /* k x max_basis: a_s^T w_j for the s already applied to j */
    double *wj, *v, *coef;         /* scratch: d, d, max_basis */
} Sel;

/*
 * out[t] = basis[t] . x for t < m (rows of length d), eight or four rows at a time so x is read
 * once per eight or four. Most updates cover a few dozen rows; for those this beats a BLAS call, whose threads cost
 * more to wake than the product takes.
 */
static void products(const double *basis, int m, int d, const double *x, double *out) {
    int t = 0;
#if defined(__AVX2__) && defined(__FMA__)
    /* Eight rows at a time where there are eight: x is loaded once per eight FMAs (the loop is
     * bound by loads). Each row keeps its own four-lane sum, so the bits are those of the
     * four-row and one-row loops below. */
    for (; t + 8 <= m; t += 8) {
        const double *b = basis + (int64_t)t * d;
        __m256d acc[8];
        for (int q = 0; q < 8; q++) acc[q] = _mm256_setzero_pd();
        int e = 0;
        for (; e + 4 <= d; e += 4) {
            __m256d xv = _mm256_loadu_pd(x + e);
            for (int q = 0; q < 8; q++) acc[q] = _mm256_fmadd_pd(_mm256_loadu_pd(b + (int64_t)q * d + e), xv, acc[q]);
        }
        for (int q = 0; q < 8; q++) {
            double r[4];
            _mm256_storeu_pd(r, acc[q]);
            double v = (r[0] + r[1]) + (r[2] + r[3]);
            for (int tail = e; tail < d; tail++) v += b[(int64_t)q * d + tail] * x[tail];
            out[t + q] = v;
        }
    }
    for (; t + 4 <= m; t += 4) {
        const double *b0 = basis + (int64_t)t * d, *b1 = b0 + d, *b2 = b1 + d, *b3 = b2 + d;
        __m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
        int e = 0;
        for (; e + 4 <= d; e += 4) {
            __m256d xv = _mm256_loadu_pd(x + e);
            a0 = _mm256_fmadd_pd(_mm256_loadu_pd(b0 + e), xv, a0);
            a1 = _mm256_fmadd_pd(_mm256_loadu_pd(b1 + e), xv, a1);
            a2 = _mm256_fmadd_pd(_mm256_loadu_pd(b2 + e), xv, a2);
            a3 = _mm256_fmadd_pd(_mm256_loadu_pd(b3 + e), xv, a3);
        }
        double r[4][4];
        _mm256_storeu_pd(r[0], a0);
        _mm256_storeu_pd(r[1], a1);
        _mm256_storeu_pd(r[2], a2);
        _mm256_storeu_pd(r[3], a3);
        for (int q = 0; q < 4; q++) {
            double v = (r[q][0] + r[q][1]) + (r[q][2] + r[q][3]);
            for (int tail = e; tail < d; tail++) v += basis[(int64_t)(t + q) * d + tail] * x[tail];
            out[t + q] = v;
        }
    }
    /* The rows left over from the blocks of four, each summed exactly as a row inside a block is
     * (four lanes, the same pairing, the same tail), so a product has the same bits wherever it
     * falls; a scalar loop here cost ~8% of the selection. */
    for (; t < m; t++) {
        const double *b0 = basis + (int64_t)t * d;
        __m256d a0 = _mm256_setzero_pd();
        int e = 0;
        for (; e + 4 <= d; e += 4) a0 = _mm256_fmadd_pd(_mm256_loadu_pd(b0 + e), _mm256_loadu_pd(x + e), a0);
        double r[4];
        _mm256_storeu_pd(r, a0);
        double v = (r[0] + r[1]) + (r[2] + r[3]);
        for (int tail = e; tail < d; tail++) v += b0[tail] * x[tail];
        out[t] = v;
    }
#else
    for (; t < m; t++) {
        double v = 0.0;
        for (int e = 0; e < d; e++) v += basis[(int64_t)t * d + e] * x[e];
        out[t] = v;
    }
#endif
}

static double value(const Sel *s, int j) { return s->scores[j] * sqrt(s->res2[j] / s->orig2[j]); }

static const double *row(Sel *s, int j) {
    const float *src = s->w + (int64_t)j * s->d;
    for (int e = 0; e < s->d; e++) s->wj[e] = (double)src[e];
    return s->wj;
}

/* v = w_j minus its projection on basis rows [0, n): two classical Gram-Schmidt passes ("twice is enough"). */
static void residual(Sel *s, int j, int n) {
    const double *x = row(s, j);
    for (int e = 0; e < s->d; e++) s->v[e] = x[e];
    for (int pass = 0; pass < 2 && n > 0; pass++) {
        cblas_dgemv(CblasRowMajor, CblasNoTrans, n, s->d, 1.0, s->basis, s->d, s->v, 1, 0.0, s->coef, 1);
        cblas_dgemv(CblasRowMajor, CblasTrans, n, s->d, -1.0, s->basis, s->d, s->coef, 1, 1.0, s->v, 1);
    }
}

/*
 * The same for the pick, which is current: its first-pass coefficients are the products its
 * downdates used. The second pass runs only where the first cancelled (||v||^2 < ||w_j||^2 / 2,
 * the DGKS criterion); a pass that removes little leaves v orthogonal to working precision.
 */
static void residual_of_pick(Sel *s, int j) {
    int n = s->found;
    const double *x = row(s, j);
    for (int e = 0; e < s->d; e++) s->v[e] = x[e];
    if (n == 0) return;
    cblas_dgemv(CblasRowMajor, CblasTrans, n, s->d, -1.0, s->basis, s->d, s->products + (int64_t)j * s->max_basis, 1, 1.0, s->v, 1);
    if (cblas_ddot(s->d, s->v, 1, s->v, 1) >= 0.5 * s->orig2[j]) return;
    cblas_dgemv(CblasRowMajor, CblasNoTrans, n, s->d, 1.0, s->basis, s->d, s->v, 1, 0.0, s->coef, 1);
    cblas_dgemv(CblasRowMajor, CblasTrans, n, s->d, -1.0, s->basis, s->d, s->coef, 1, 1.0, s->v, 1);
}

/* Brings candidate j up to date, its missing downdates in order; returns whether it is still open. */
static int refresh(Sel *s, int j) {
    int from = s->applied[j], m = s->found - from;
    if (m <= 0) return !s->closed[j];
    double *p = s->products + (int64_t)j * s->max_basis + from;
    products(s->basis + (int64_t)from * s->d, m, s->d, row(s, j), p);
    for (int t = 0; t < m; t++) {
        double down = s->res2[j] - p[t] * p[t];
        if (down <= IBINIT_GREEDY_RECOMPUTE_TOL * s->exact2[j]) { /* cancelled: recompute from scratch */
            residual(s, j, from + t + 1);
            down = cblas_ddot(s->d, s->v, 1, s->v, 1);
            s->exact2[j] = down;
            if (down <= IBINIT_GREEDY_EXHAUSTED * IBINIT_GREEDY_EXHAUSTED * s->orig2[j]) {
                s->closed[j] = 1; /* spanned */
                return 0;
            }
        }
        s->res2[j] = down;
    }
    s->applied[j] = s->found;
    return 1;
}

/* The best open candidate of score <= 0 (rest[0..*n), index order), all brought up to date; -1 if none. */
static int best_of_rest(Sel *s, int *rest, int *n) {
    int best = -1, kept = 0;
    for (int i = 0; i < *n; i++) {
        int j = rest[i];
        if (!refresh(s, j)) continue;
        rest[kept++] = j;
        if (best < 0 || value(s, j) > value(s, best)) best = j;
    }
    *n = kept;
    return best;
}

IBINIT_API int ibinit_greedy_select(int k, int d, const float *w, const double *host_scores, int count,
                                    int32_t *host_chosen, int32_t *host_found) {
    *host_found = 0;
    if (k <= 0 || d <= 0 || count <= 0) return 0;
    Sel s = {.d = d, .max_basis = count < d ? count : d, .w = w, .scores = host_scores};
    s.orig2 = malloc(sizeof(double) * (size_t)k);
    s.res2 = malloc(sizeof(double) * (size_t)k);
    s.exact2 = malloc(sizeof(double) * (size_t)k);
    s.applied = calloc((size_t)k, sizeof(int));
    s.closed = calloc((size_t)k, 1);
    s.basis = malloc(sizeof(double) * (size_t)s.max_basis * (size_t)d);
    s.products = malloc(sizeof(double) * (size_t)k * (size_t)s.max_basis); /* touched only for candidates refreshed */
    s.wj = malloc(sizeof(double) * (size_t)d);
    s.v = malloc(sizeof(double) * (size_t)d);
    s.coef = malloc(sizeof(double) * (size_t)s.max_basis);
    Entry *heap = malloc(sizeof(Entry) * (size_t)k);
    int *rest = malloc(sizeof(int) * (size_t)k);
    int status = 0;
    if (!s.orig2 || !s.res2 || !s.exact2 || !s.applied || !s.closed || !s.basis || !s.products || !s.wj || !s.v || !s.coef
        || !heap || !rest) {
        ibinit_cpu_set_error("greedy_select: out of host memory");
        status = 1;
        goto done;
    }
    int n = 0, n_rest = 0;
    for (int j = 0; j < k; j++) {
        const float *wj = w + (int64_t)j * d;
        double q = 0.0;
        for (int e = 0; e < d; e++) q += (double)wj[e] * (double)wj[e];
        s.orig2[j] = s.res2[j] = s.exact2[j] = q;
        s.closed[j] = q == 0.0;
        if (q > 0.0 && host_scores[j] > 0) heap[n++] = (Entry){host_scores[j], j};
        else if (q > 0.0) rest[n_rest++] = j;
    }
    for (int i = n / 2 - 1; i >= 0; i--) sift_down(heap, n, i);
    while (s.found < s.max_basis && (n > 0 || n_rest > 0)) {
        int j;
        if (n > 0) {
            j = heap[0].index;
            if (s.applied[j] < s.found) {
                if (refresh(&s, j)) heap[0].value = value(&s, j);
                else heap[0] = heap[--n];
                sift_down(heap, n, 0);
                continue;
            }
            heap[0] = heap[--n]; /* current and on top: the eager rule's pick */
            sift_down(heap, n, 0);
        } else {
            j = best_of_rest(&s, rest, &n_rest);
            if (j < 0) break;
            int i = 0;
            while (rest[i] != j) i++;
            for (; i + 1 < n_rest; i++) rest[i] = rest[i + 1];
            n_rest--;
        }
        s.closed[j] = 1;
        residual_of_pick(&s, j);
        double norm2 = cblas_ddot(d, s.v, 1, s.v, 1);
        if (norm2 <= IBINIT_GREEDY_EXHAUSTED * IBINIT_GREEDY_EXHAUSTED * s.orig2[j]) continue; /* spanned after all */
        double inv = 1.0 / sqrt(norm2);
        double *a = s.basis + (int64_t)s.found * d;
        for (int e = 0; e < d; e++) a[e] = s.v[e] * inv;
        host_chosen[s.found++] = j;
    }
    *host_found = s.found;
done:
    free(s.orig2); free(s.res2); free(s.exact2); free(s.applied); free(s.closed); free(s.basis); free(s.products);
    free(s.wj); free(s.v); free(s.coef); free(heap); free(rest);
    return status;
}
