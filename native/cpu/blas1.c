/* Level-1 vector ops. Plain loops (not cblas_saxpy): the arrays are int64-sized, the loops are
 * memory bound and auto-vectorize, and y + alpha*x rounds exactly like the Java reference
 * (no fused multiply-add, -ffp-contract=off). */
#include "ibinit.h"
#include "cpu_internal.h"

IBINIT_API int ibinit_axpy(int64_t n, float alpha, const float *x, float *y) {
    int nt = ibinit_cpu_team(n, IBINIT_CPU_GRAIN_CHEAP);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t i = 0; i < n; i++) y[i] = y[i] + alpha * x[i];
    return 0;
}

IBINIT_API int ibinit_scale(int64_t n, float alpha, float *x) {
    int nt = ibinit_cpu_team(n, IBINIT_CPU_GRAIN_CHEAP);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t i = 0; i < n; i++) x[i] = alpha * x[i];
    return 0;
}
