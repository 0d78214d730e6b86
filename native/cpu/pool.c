/* Max-pooling forward and backward (NCHW); per-element rules in ibinit_scalar.h, shared with CUDA. */
#include "ibinit.h"
#include "ibinit_scalar.h"
#include "cpu_internal.h"

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

/* One dx pixel row per (image, channel, y); each pixel gathers dy from the windows that chose it. */
IBINIT_API int ibinit_max_pool_backward(int n, int c, int h, int w, int k, int s, int p, const float *dy,
                                        const int32_t *argmax, float *dx) {
    int oh = ibinit_window_positions(h, k, s, p), ow = ibinit_window_positions(w, k, s, p);
    int64_t rows = (int64_t)n * c * h, positions = (int64_t)oh * ow;
    int nt = ibinit_cpu_team(rows * w * k * k, IBINIT_CPU_GRAIN_CHEAP);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t r = 0; r < rows; r++) {
        int y = (int)(r % h);
        int64_t q = r / h;
        const float *g = dy + q * positions;
        const int32_t *a = argmax + q * positions;
        float *dst = dx + r * w;
        for (int xx = 0; xx < w; xx++) dst[xx] = ibinit_max_pool_grad_at(g, a, w, k, s, p, oh, ow, y, xx);
    }
    return 0;
}
