/* Helpers shared by the CPU backend's source files (not part of the ABI). */
#ifndef IBINIT_CPU_INTERNAL_H
#define IBINIT_CPU_INTERNAL_H

#include <stdint.h>

void ibinit_cpu_set_error(const char *message);
/* The pool size set by ibinit_set_threads. */
int ibinit_cpu_threads(void);
/* Whether ibinit_set_gemm_threaded chose OpenBLAS's own threading for GEMM. */
int ibinit_cpu_gemm_threaded(void);
/* From OpenBLAS (declared here: Debian's cblas.h declares it too, but not every build does). */
void openblas_set_num_threads(int threads);

/*
 * Threads worth waking for `work` units when each thread should get at least `grain` units:
 * 1 (run inline, no fork) for small work. Kernels use it as
 *     int nt = ibinit_cpu_team(n, GRAIN);
 *     #pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
 OpenBLAS runs single-threaded (runtime.c); the GEMM shares its fixed blocks over this pool
 * (gemm.c). Waking threads has a cost (after a region libgomp's idle worker spins for about a
 * millisecond by default; the host process sets OMP_WAIT_POLICY=PASSIVE), so regions are kept
 * for work that is long next to it: memory-bound ops below 2^21 elements (every shape of an MLP
 * step, e.g. 128 x 512 = 2^16) never fork.
 */
static inline int ibinit_cpu_team(int64_t work, int64_t grain) {
    int t = ibinit_cpu_threads();
    if (t <= 1 || work < 2 * grain) return 1;
    int64_t most = work / grain;
    return most < t ? (int)most : t;
}

/* Work units (elements) a thread should get at least. */
/* Memory bound (a few flops an element): 2^20 elements take ~85 us (axpy) on one core, while
 * waking the second core costs ~5 us with a spinning pool but ~35 us with a passive one
 * (measured: parallel add_bias of 2^20 elements 40 us spinning, 71 us passive). */
#define IBINIT_CPU_GRAIN_CHEAP ((int64_t)1 << 20)
/* libm calls, Philox + Box-Muller: 10-25 ns an element, ~100 us per 2^12 elements. */
#define IBINIT_CPU_GRAIN_COSTLY ((int64_t)1 << 12)

/*
 * One row of logits: its maximum and sum_c exp(x[c] - max) (accumulated in double; the
 * exponentials themselves in float, relative error ~1e-7, enough for float outputs). Shared by
 * ibinit_logsumexp_rows and ibinit_softmax_xent so both agree. A row whose maximum is not
 * finite (+-inf or NaN) returns sum 1 or NaN so that max + log(sum) is +-inf or NaN.
 */
double ibinit_cpu_row_sumexp(const float *row, int cols, float *row_max);

#endif
