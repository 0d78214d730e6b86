/* Row gather into a column block (building a critic's [x | z] input from shuffled rows). */
#include "ibinit.h"
#include "cpu_internal.h"

#include <string.h>

IBINIT_API int ibinit_gather_rows(int rows, int cols, const float *src, int ld_src, const int32_t *idx,
                                  float *dst, int ld_dst) {
    if (rows <= 0 || cols <= 0) return 0;
    /* Memory bound: a second thread only pays for large copies. */
    int nt = ibinit_cpu_threads() > 1 && (int64_t)rows * cols >= ((int64_t)1 << 18) ? ibinit_cpu_threads() : 1;
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int r = 0; r < rows; r++) {
        memcpy(dst + (int64_t)r * ld_dst, src + (int64_t)idx[r] * ld_src, (size_t)cols * sizeof(float));
    }
    return 0;
}
