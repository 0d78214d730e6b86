// Row gather into a column block (building a critic's [x | z] input from shuffled rows).
#include "ibinit.h"
#include "cuda_internal.cuh"

extern "C" IBINIT_API int ibinit_gather_rows(int rows, int cols, const float *src, int ld_src, const int32_t *idx,
                                             float *dst, int ld_dst) {
    if (rows <= 0 || cols <= 0) return 0;
    // One thread per element: adjacent threads copy adjacent columns of a row (coalesced).
    return ibinit_cuda_each("gather_rows", (int64_t)rows * cols, [=] __device__(int64_t i) {
        int64_t r = i / cols, c = i % cols;
        dst[r * ld_dst + c] = src[(int64_t)idx[r] * ld_src + c];
    });
}
