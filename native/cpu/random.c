/* Counter-based random numbers: element i of a fill uses Philox index offset + i (see
 * ibinit_scalar.h), so each element is computed on its own and the output is the same for any
 * thread count and any split of the work, and equal to the Java and CUDA streams bit for bit
 * (-ffp-contract=off). */
#include "ibinit.h"
#include "ibinit_scalar.h"
#include "cpu_internal.h"

IBINIT_API int ibinit_philox_blocks(uint64_t seed, uint32_t stream, uint64_t offset, int64_t blocks,
                                    uint32_t *host_out) {
    int nt = ibinit_cpu_team(blocks, IBINIT_CPU_GRAIN_COSTLY);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t i = 0; i < blocks; i++) ibinit_philox_block(seed, stream, offset + (uint64_t)i, 0, host_out + 4 * i);
    return 0;
}

IBINIT_API int ibinit_fill_uniform(float *x, int64_t n, uint64_t seed, uint32_t stream, uint64_t offset,
                                   float lo, float hi) {
    int nt = ibinit_cpu_team(n, IBINIT_CPU_GRAIN_COSTLY);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t i = 0; i < n; i++) x[i] = ibinit_uniform_at(seed, stream, offset + (uint64_t)i, lo, hi);
    return 0;
}

IBINIT_API int ibinit_fill_normal(float *x, int64_t n, uint64_t seed, uint32_t stream, uint64_t offset,
                                  float mean, float std) {
    int nt = ibinit_cpu_team(n, IBINIT_CPU_GRAIN_COSTLY);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t i = 0; i < n; i++) x[i] = ibinit_normal_at(seed, stream, offset + (uint64_t)i, mean, std);
    return 0;
}

IBINIT_API int ibinit_fill_truncated_normal(float *x, int64_t n, uint64_t seed, uint32_t stream,
                                            uint64_t offset, float mean, float std, float lo, float hi) {
    int nt = ibinit_cpu_team(n, IBINIT_CPU_GRAIN_COSTLY);
    /* Rejection makes elements uneven in cost: dynamic chunks keep the threads busy. */
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(dynamic, 1024)
    for (int64_t i = 0; i < n; i++)
        x[i] = ibinit_truncated_normal_at(seed, stream, offset + (uint64_t)i, mean, std, lo, hi);
    return 0;
}
