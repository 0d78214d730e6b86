/* Max-pooling forward and backward (NCHW); the winner rule and the summation order are those of
 * ibinit_scalar.h, shared with CUDA. */
#include "ibinit.h"
#include "ibinit_scalar.h"
#include "cpu_internal.h"

#include <string.h>

/* One output row per (image, channel, oy). */
IBINIT_API int ibinit_max_pool(int n, int c, int h, int w, int k, int s, int p, const float *x, float *y,
                               int32_t *argmax) {
    int oh = ibinit_window_positions(h, k, s, p), ow = ibinit_window_positions(w, k, s, p);
    int64_t rows = (int64_t)n * c * oh, plane = (int64_t)h * w;
    int nt = ibinit_cpu_team(rows * ow * k * k, IBINIT_CPU_GRAIN_CHEAP);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t r = 0; r < rows; r++) {
        int oy = (int)(r % oh);
        const float *src = x + r / oh * plane;
        for (int ox = 0; ox < ow; ox++) {
            int64_t o = r * ow + ox;
            y[o] = ibinit_max_pool_at(src, h, w, k, s, p, oy, ox, &argmax[o]);
        }
    }
    return 0;
}

/* One dx plane per (image, channel): zeroed, then each dy entry added to the pixel its argmax
 * names, window positions ascending (the order of ibinit_max_pool_grad_at, so CUDA gives the
 * same bits). */
IBINIT_API int ibinit_max_pool_backward(int n, int c, int h, int w, int k, int s, int p, const float *dy,
                                        const int32_t *argmax, float *dx) {
    int oh = ibinit_window_positions(h, k, s, p), ow = ibinit_window_positions(w, k, s, p);
    int64_t planes = (int64_t)n * c, positions = (int64_t)oh * ow, plane = (int64_t)h * w;
    int nt = ibinit_cpu_team(planes * (plane + positions), IBINIT_CPU_GRAIN_CHEAP);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t q = 0; q < planes; q++) {
        float *restrict dst = dx + q * plane;
        const float *restrict g = dy + q * positions;
        const int32_t *restrict a = argmax + q * positions;
        memset(dst, 0, sizeof(float) * (size_t)plane);
        for (int64_t o = 0; o < positions; o++) {
            if ((uint32_t)a[o] < (uint64_t)plane) dst[a[o]] += g[o]; /* a foreign argmax cannot write outside */
        }
    }
    return 0;
}
