/* Fused dense layer + activation for the critics of the information estimators (ibinit.info):
 * forward = GEMM, then ONE pass that adds the bias and applies f; backward = one pass that forms
 * d = dy * f'(y) in place and sums its columns, then the two GEMMs (dx skipped when NULL).
 * f' is read from y alone (see ibinit.h), so nothing but the layer output is kept. */
#include "ibinit.h"
#include "ibinit_scalar.h"
#include "cpu_internal.h"

#include <stdio.h>
#include <stdlib.h>
#if defined(__AVX2__)
#include <immintrin.h>
#endif

static int known_kind(int kind) { return kind >= IBINIT_ACT_IDENTITY && kind <= IBINIT_ACT_SIGMOID; }

static int bad_kind(const char *who, int kind) {
    char msg[96];
    snprintf(msg, sizeof msg, "%s: unknown activation code %d", who, kind);
    ibinit_cpu_set_error(msg);
    return 1;
}

/* One loop per kind with the kind a constant, so the switch in ibinit_act folds away and the
 * piecewise-linear ones vectorize. */
#define BIAS_ACT(KIND)                                                                   \
    do {                                                                                 \
        _Pragma("omp parallel for num_threads(nt) if(nt > 1) schedule(static)")          \
        for (int r = 0; r < rows; r++) {                                                 \
            float *row = y + (int64_t)r * out;                                           \
            for (int c = 0; c < out; c++) row[c] = ibinit_act(KIND, param, row[c] + b[c]); \
        }                                                                                \
    } while (0)

IBINIT_API int ibinit_dense_act_forward(int rows, int in, int out, const float *x, const float *w,
                                        const float *b, int kind, float param, float *y) {
    if (!known_kind(kind)) return bad_kind("dense_act_forward", kind);
    if (rows <= 0 || out <= 0) return 0;
    if (ibinit_gemm(0, 1, rows, out, in, 1.0f, x, in, w, in, 0.0f, y, out)) return 1;
    int nt = ibinit_cpu_team((int64_t)rows * out, kind == IBINIT_ACT_TANH || kind == IBINIT_ACT_SIGMOID
                                                     ? IBINIT_CPU_GRAIN_COSTLY : IBINIT_CPU_GRAIN_CHEAP);
    switch (kind) {
        case IBINIT_ACT_IDENTITY: BIAS_ACT(IBINIT_ACT_IDENTITY); break;
        case IBINIT_ACT_RELU: BIAS_ACT(IBINIT_ACT_RELU); break;
        case IBINIT_ACT_LEAKY_RELU: BIAS_ACT(IBINIT_ACT_LEAKY_RELU); break;
        case IBINIT_ACT_TANH: BIAS_ACT(IBINIT_ACT_TANH); break;
        default: BIAS_ACT(IBINIT_ACT_SIGMOID); break;
    }
    return 0;
}

/* Columns per task of the backward pass: each task owns its columns' sums, so no reduction
 * across threads is needed and every row segment it reads is contiguous. */
#define COLUMN_BLOCK 256

/* ReLU's d = dy * f'(y) and its column sums for columns [c0, c1), eight columns at a time: the
 * compiler turned the scalar loop into a branch per element (mispredicted on about half of them)
 * and never vectorized it. Same operations per element as the scalar loop (dy * 1 or dy * 0 as
 * y > 0, a float rounded to double and added in row order), so the same bits. Returns the first
 * column it left to the scalar loop. */
static int relu_grad_colsum8(int rows, int out, int c0, int c1, float *dy, const float *y, double *acc) {
#if defined(__AVX2__)
    int c8 = c0 + (c1 - c0) / 8 * 8;
    const __m256 zero = _mm256_setzero_ps();
    for (int r = 0; r < rows; r++) {
        float *d = dy + (int64_t)r * out;
        const float *yr = y + (int64_t)r * out;
        for (int c = c0; c < c8; c += 8) {
            __m256 dv = _mm256_loadu_ps(d + c);
            __m256 positive = _mm256_cmp_ps(_mm256_loadu_ps(yr + c), zero, _CMP_GT_OQ);
            __m256 v = _mm256_blendv_ps(_mm256_mul_ps(dv, zero), dv, positive);
            _mm256_storeu_ps(d + c, v);
            double *a = acc + (c - c0);
            _mm256_storeu_pd(a, _mm256_add_pd(_mm256_loadu_pd(a), _mm256_cvtps_pd(_mm256_castps256_ps128(v))));
            _mm256_storeu_pd(a + 4, _mm256_add_pd(_mm256_loadu_pd(a + 4), _mm256_cvtps_pd(_mm256_extractf128_ps(v, 1))));
        }
    }
    return c8;
#else
    (void)rows; (void)out; (void)c1; (void)dy; (void)y; (void)acc;
    return c0;
#endif
}

#define GRAD_COLSUM(KIND)                                                                     \
    do {                                                                                      \
        _Pragma("omp parallel for num_threads(nt) if(nt > 1) schedule(static)")               \
        for (int c0 = 0; c0 < out; c0 += COLUMN_BLOCK) {                                      \
            int c1 = c0 + COLUMN_BLOCK < out ? c0 + COLUMN_BLOCK : out;                       \
            double acc[COLUMN_BLOCK] = {0};                                                   \
            int cs = KIND == IBINIT_ACT_RELU ? relu_grad_colsum8(rows, out, c0, c1, dy, y, acc) : c0; \
            for (int r = 0; r < rows; r++) {                                                  \
                float *d = dy + (int64_t)r * out;                                             \
                const float *yr = y + (int64_t)r * out;                                       \
                for (int c = cs; c < c1; c++) {                                               \
                    float v = d[c] * ibinit_act_grad(KIND, param, yr[c], yr[c]);              \
                    d[c] = v;                                                                 \
                    acc[c - c0] += v;                                                         \
                }                                                                             \
            }                                                                                 \
            for (int c = c0; c < c1; c++) db[c] = (float)acc[c - c0];                         \
        }                                                                                     \
    } while (0)

IBINIT_API int ibinit_dense_act_backward(int rows, int in, int out, const float *x, const float *w,
                                         int kind, float param, const float *y, float *dy,
                                         float *dw, float *db, float *dx) {
    if (!known_kind(kind)) return bad_kind("dense_act_backward", kind);
    if (out <= 0) {
        if (dx) for (int64_t i = 0; i < (int64_t)rows * in; i++) dx[i] = 0.0f;
        return 0;
    }
    /* Few column blocks: split them over threads only when the block count allows. */
    int blocks = (out + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
    int nt = ibinit_cpu_team((int64_t)rows * out, IBINIT_CPU_GRAIN_CHEAP);
    if (nt > blocks) nt = blocks;
    switch (kind) {
        case IBINIT_ACT_IDENTITY: GRAD_COLSUM(IBINIT_ACT_IDENTITY); break;
        case IBINIT_ACT_RELU: GRAD_COLSUM(IBINIT_ACT_RELU); break;
        case IBINIT_ACT_LEAKY_RELU: GRAD_COLSUM(IBINIT_ACT_LEAKY_RELU); break;
        case IBINIT_ACT_TANH: GRAD_COLSUM(IBINIT_ACT_TANH); break;
        default: GRAD_COLSUM(IBINIT_ACT_SIGMOID); break;
    }
    /* dw = d^T x ; dx = d w */
    if (ibinit_gemm(1, 0, out, in, rows, 1.0f, dy, out, x, in, 0.0f, dw, in)) return 1;
    if (dx && ibinit_gemm(0, 0, rows, in, out, 1.0f, dy, out, w, in, 0.0f, dx, in)) return 1;
    return 0;
}
