/* The R-operator (Pearlmutter) kernels that exact Hessian-vector products need beyond the
 * first-order ops: the activation backward's directional derivative, the softmax cross-entropy
 * Hessian times a direction, and the gather through max-pooling winners. */
#include "ibinit.h"
#include "ibinit_scalar.h"
#include "cpu_internal.h"

#include <math.h>

/* rdx may alias rdy: each element is read before it is written, at the same index. */
IBINIT_API int ibinit_activation_backward_r(int kind, float param, int64_t n, const float *x, const float *y,
                                            const float *dy, const float *rx, const float *rdy, float *rdx) {
    int nt = ibinit_cpu_team(n, IBINIT_CPU_GRAIN_CHEAP);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t i = 0; i < n; i++) rdx[i] = ibinit_act_backward_r(kind, param, x[i], y[i], dy[i], rx[i], rdy[i]);
    return 0;
}

/* One row at a time: p = softmax(row) relative to the row maximum, then p (r - <p, r>) / rows. */
IBINIT_API int ibinit_softmax_xent_r(int rows, int cols, const float *logits, const float *rlogits, float *out) {
    if (rows <= 0 || cols <= 0) {
        ibinit_cpu_set_error("softmax_xent_r: empty logits");
        return 1;
    }
    const double inv_rows = 1.0 / (double)rows;
    int nt = ibinit_cpu_team((int64_t)rows * cols, IBINIT_CPU_GRAIN_COSTLY);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int r = 0; r < rows; r++) {
        const float *z = logits + (int64_t)r * cols;
        const float *v = rlogits + (int64_t)r * cols;
        float *o = out + (int64_t)r * cols;
        float m;
        const double s = ibinit_cpu_row_sumexp(z, cols, &m);
        double dot = 0.0;
        for (int c = 0; c < cols; c++) dot += (double)expf(z[c] - m) / s * (double)v[c];
        for (int c = 0; c < cols; c++) o[c] = (float)((double)expf(z[c] - m) / s * ((double)v[c] - dot) * inv_rows);
    }
    return 0;
}

IBINIT_API int ibinit_max_pool_gather(int64_t planes, int64_t plane, int64_t positions, const float *x,
                                      const int32_t *argmax, float *y) {
    int nt = ibinit_cpu_team(planes * positions, IBINIT_CPU_GRAIN_CHEAP);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t q = 0; q < planes; q++) {
        for (int64_t o = q * positions; o < (q + 1) * positions; o++) {
            int32_t at = argmax[o];
            y[o] = at >= 0 && at < plane ? x[q * plane + at] : 0.0f;
        }
    }
    return 0;
}
