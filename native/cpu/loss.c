/* Mean softmax cross-entropy and its gradient, stable for huge logits (everything is taken
 * relative to the row maximum, see ibinit_cpu_row_sumexp). */
#include "ibinit.h"
#include "cpu_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

IBINIT_API int ibinit_softmax_xent(int rows, int cols, const float *logits, const int32_t *labels,
                                   float *grad, double *host_loss) {
    if (rows <= 0 || cols <= 0) {
        ibinit_cpu_set_error("softmax_xent: empty logits");
        return 1;
    }
    /* Java checks the labels before the call; this guard only keeps a bug from reading outside
     * the row (an internal failure, status 1 like every other). */
    for (int r = 0; r < rows; r++) {
        if (labels[r] < 0 || labels[r] >= cols) {
            char msg[160];
            snprintf(msg, sizeof msg, "softmax_xent: label %d of row %d is outside [0, %d)",
                     (int)labels[r], r, cols);
            ibinit_cpu_set_error(msg);
            return 1;
        }
    }
    const double inv_rows = 1.0 / (double)rows;
    int nt = ibinit_cpu_team((int64_t)rows * cols, IBINIT_CPU_GRAIN_COSTLY);
    /* Per-row losses are added in row order on every path, so the loss does not depend on the
     * thread count; with threads they go through a buffer first. */
    double *row_loss = NULL;
    if (nt > 1) {
        row_loss = malloc(sizeof(double) * (size_t)rows);
        if (!row_loss) nt = 1;
    }
    double total = 0.0;
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int r = 0; r < rows; r++) {
        const float *row = logits + (int64_t)r * cols;
        const int label = labels[r];
        const float x_label = row[label]; /* read first: grad may alias logits */
        float m;
        const double s = ibinit_cpu_row_sumexp(row, cols, &m);
        /* -log softmax[label] = (m - x[label]) + log sum_c exp(x[c] - m) */
        const double loss = ((double)m - (double)x_label) + log(s);
        if (row_loss) row_loss[r] = loss; else total += loss;
        if (grad) {
            float *g = grad + (int64_t)r * cols;
            const double scale = inv_rows / s;
            for (int c = 0; c < cols; c++) g[c] = (float)((double)expf(row[c] - m) * scale);
            g[label] = (float)(((double)expf(x_label - m) / s - 1.0) * inv_rows);
        }
    }
    if (row_loss) {
        for (int r = 0; r < rows; r++) total += row_loss[r];
        free(row_loss);
    }
    *host_loss = total * inv_rows;
    return 0;
}
