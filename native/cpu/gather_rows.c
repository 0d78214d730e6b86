/* Row gather into a column block (building a critic's [x | z] input from shuffled rows). */
#include "ibinit.h"
#include "cpu_internal.h"

#include <string.h>

IBINIT_API int ibinit_gather_rows(int rows, int cols, const float *src, int ld_src, const int32_t *idx,
                                  float *dst, int ld_dst) {
    if (rows <= 0 || cols <= 0) return 0;
    int nt = ibinit_cpu_team((int64_t)rows * cols, IBINIT_CPU_GRAIN_CHEAP); /* memory bound */
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int r = 0; r < rows; r++) {
        memcpy(dst + (int64_t)r * ld_dst, src + (int64_t)idx[r] * ld_src, (size_t)cols * sizeof(float));
    }
    return 0;
}
