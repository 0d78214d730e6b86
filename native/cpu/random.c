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

IBINIT_API int ibinit_perturb_uniform(int64_t n, const float *w, float *out, uint64_t seed, uint32_t stream,
                                      uint64_t offset, float radius) {
    if (n <= 0) return 0;
    /* Blocks first / 4 .. last / 4 of the stream, each computed once for its (up to) four elements. */
    uint64_t first = offset, last = offset + (uint64_t)n - 1;
    int64_t blocks = (int64_t)((last >> 2) - (first >> 2)) + 1;
    int nt = ibinit_cpu_team(n, 4 * IBINIT_CPU_GRAIN_COSTLY);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t k = 0; k < blocks; k++) {
        uint64_t block = (first >> 2) + (uint64_t)k;
        uint32_t b[4];
        ibinit_philox_block(seed, stream, block, 0, b);
        uint64_t j0 = block << 2 < first ? first : block << 2, j1 = (block << 2) + 3 > last ? last : (block << 2) + 3;
        for (uint64_t j = j0; j <= j1; j++) {
            int64_t i = (int64_t)(j - first);
            out[i] = ibinit_perturb_from_block(w[i], b, j, radius);
        }
    }
    return 0;
}
