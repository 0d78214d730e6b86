/* Helpers shared by the CPU backend's source files (not part of the ABI). */
#ifndef IBINIT_CPU_INTERNAL_H
#define IBINIT_CPU_INTERNAL_H

#include <stdint.h>

void ibinit_cpu_set_error(const char *message);
/* The pool size set by ibinit_set_threads. */
int ibinit_cpu_threads(void);
/* From OpenBLAS (declared here: Debian's cblas.h declares it too, but not every build does). */
void openblas_set_num_threads(int threads);

/*
 * Threads worth waking for `work` units when each thread should get at least `grain` units:
 * 1 (run inline, no fork) for small work. Kernels use it as
 *     int nt = ibinit_cpu_team(n, GRAIN);
 *     #pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
 * Waking the pool costs microseconds, which is the whole run time of a kernel on the small
 * shapes of an MLP step (128 x 512), so those stay on the calling thread. None of our parallel
 * regions ever encloses an OpenBLAS call (OpenBLAS has its own pool of the same size).
 */
static inline int ibinit_cpu_team(int64_t work, int64_t grain) {
    int t = ibinit_cpu_threads();
    if (t <= 1 || work < 2 * grain) return 1;
    int64_t most = work / grain;
    return most < t ? (int)most : t;
}

/* Work units (elements) below which an elementwise kernel stays on one thread. */
#define IBINIT_CPU_GRAIN_CHEAP ((int64_t)1 << 16)   /* a few flops an element: memory bound */
#define IBINIT_CPU_GRAIN_COSTLY ((int64_t)1 << 12)  /* libm calls, Philox: ~10-100 ns an element */

/*
 * One row of logits: its maximum and sum_c exp(x[c] - max) (accumulated in double; the
 * exponentials themselves in float, relative error ~1e-7, enough for float outputs). Shared by
 * ibinit_logsumexp_rows and ibinit_softmax_xent so both agree. A row whose maximum is not
 * finite (+-inf or NaN) returns sum 1 or NaN so that max + log(sum) is +-inf or NaN.
 */
double ibinit_cpu_row_sumexp(const float *row, int cols, float *row_max);

#endif
