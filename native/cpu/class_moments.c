/*
 * Per-class column moments for the neuron campaign (IBCI), in double; mirrors
 * ibinit.backend.ref.ClassMoments.
 */
#include "ibinit.h"
#include "cpu_internal.h"

#include <omp.h>
#include <stdio.h>

/* ------------------------------------------------------------ class column moments --- */

IBINIT_API int ibinit_class_column_moments(int rows, int cols, const float *z, const int32_t *labels, int classes,
                                           double *host_sums, double *host_sumsq) {
    /* Java checks the labels before the call; this guard (status 1, sums untouched) only keeps a
     * bug from writing outside the arrays. */
    for (int r = 0; r < rows; r++) {
        if (labels[r] < 0 || labels[r] >= classes) {
            char msg[160];
            snprintf(msg, sizeof msg, "class_column_moments: label %d of row %d is outside [0, %d)",
                     (int)labels[r], r, classes);
            ibinit_cpu_set_error(msg);
            return 1;
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
