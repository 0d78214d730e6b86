/* Row and column ops: add_bias, column_sums, logsumexp_rows. (Column means, variances and the
 * covariance trace share one kernel in moments.c.) */
#include "ibinit.h"
#include "cpu_internal.h"

#include <math.h>

IBINIT_API int ibinit_add_bias(int rows, int cols, float *x, const float *bias) {
    int nt = ibinit_cpu_team((int64_t)rows * cols, IBINIT_CPU_GRAIN_CHEAP);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int r = 0; r < rows; r++) {
        float *restrict row = x + (int64_t)r * cols;
        const float *restrict b = bias;
        for (int c = 0; c < cols; c++) row[c] = row[c] + b[c];
    }
    return 0;
}

/* Column sums in double, one tile of COLSUM_TILE columns at a time (the accumulators live on
 * the stack, each row contributes one contiguous 1 KiB run). Every column is summed in row
 * order whatever the thread count, so the result does not depend on it. */
#define COLSUM_TILE 256

IBINIT_API int ibinit_column_sums(int rows, int cols, const float *x, float *out) {
    int tiles = (cols + COLSUM_TILE - 1) / COLSUM_TILE;
    int nt = ibinit_cpu_team((int64_t)rows * cols, IBINIT_CPU_GRAIN_CHEAP);
    if (nt > tiles) nt = tiles;
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int t = 0; t < tiles; t++) {
        int c0 = t * COLSUM_TILE;
        int w = cols - c0 < COLSUM_TILE ? cols - c0 : COLSUM_TILE;
        double acc[COLSUM_TILE];
        for (int j = 0; j < w; j++) acc[j] = 0.0;
        for (int64_t r = 0; r < rows; r++) {
            const float *restrict row = x + r * cols + c0;
            for (int j = 0; j < w; j++) acc[j] += (double)row[j];
        }
        for (int j = 0; j < w; j++) out[c0 + j] = (float)acc[j];
    }
    return 0;
}

double ibinit_cpu_row_sumexp(const float *row, int cols, float *row_max) {
    float m = row[0];
    for (int c = 1; c < cols; c++) m = row[c] > m ? row[c] : m;
    *row_max = m;
    if (!isfinite(m)) {
        /* -inf (every entry -inf): log-sum-exp is -inf; +inf: +inf; a NaN anywhere: NaN. */
        for (int c = 0; c < cols; c++)
            if (isnan(row[c])) return NAN;
        return 1.0;
    }
    double s = 0.0;
    for (int c = 0; c < cols; c++) s += (double)expf(row[c] - m);
    return s;
}

IBINIT_API int ibinit_logsumexp_rows(int rows, int cols, const float *x, float *out) {
    if (cols <= 0) {
        ibinit_cpu_set_error("logsumexp_rows: no columns");
        return 1;
    }
    int nt = ibinit_cpu_team((int64_t)rows * cols, IBINIT_CPU_GRAIN_COSTLY);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int r = 0; r < rows; r++) {
        float m;
        double s = ibinit_cpu_row_sumexp(x + (int64_t)r * cols, cols, &m);
        out[r] = (float)((double)m + log(s));
    }
    return 0;
}
