/* Convolution helpers: im2col, col2im, per-channel bias and sums (NCHW). The per-element rules
 * are shared with the CUDA backend in ibinit_scalar.h; here the loops run over contiguous rows,
 * split across the pool when there is enough work (never around an OpenBLAS call). */
#include "ibinit.h"
#include "ibinit_scalar.h"
#include "cpu_internal.h"

/* One cols row per (image, channel, ky, kx): row r = ((i*c + ch)*k + ky)*k + kx, as in ibinit.h. */
IBINIT_API int ibinit_im2col(int n, int c, int h, int w, int k, int s, int p, const float *x, float *cols) {
    int oh = ibinit_window_positions(h, k, s, p), ow = ibinit_window_positions(w, k, s, p);
    int64_t positions = (int64_t)oh * ow, plane = (int64_t)h * w;
    int64_t rows = (int64_t)n * c * k * k;
    int nt = ibinit_cpu_team(rows * positions, IBINIT_CPU_GRAIN_CHEAP);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t r = 0; r < rows; r++) {
        int kx = (int)(r % k), ky = (int)(r / k % k);
        const float *src = x + r / ((int64_t)k * k) * plane;
        float *dst = cols + r * positions;
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) dst[(int64_t)oy * ow + ox] = ibinit_im2col_at(src, h, w, s, p, ky, kx, oy, ox);
        }
    }
    return 0;
}

/* One dx pixel row per (image, channel, y); each pixel gathers what im2col copied from it. */
IBINIT_API int ibinit_col2im(int n, int c, int h, int w, int k, int s, int p, const float *cols, float *dx) {
    int oh = ibinit_window_positions(h, k, s, p), ow = ibinit_window_positions(w, k, s, p);
    int64_t image = (int64_t)c * k * k * oh * ow; /* cols entries per image */
    int64_t rows = (int64_t)n * c * h;
    int nt = ibinit_cpu_team(rows * w * k * k, IBINIT_CPU_GRAIN_CHEAP);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t r = 0; r < rows; r++) {
        int y = (int)(r % h);
        int64_t ic = r / h;
        const float *src = cols + ic / c * image;
        int ch = (int)(ic % c);
        float *dst = dx + r * w;
        for (int xx = 0; xx < w; xx++) dst[xx] = ibinit_col2im_at(src, ch, k, s, p, oh, ow, y, xx);
    }
    return 0;
}

IBINIT_API int ibinit_add_channel_bias(int n, int c, int64_t hw, float *x, const float *bias) {
    int64_t planes = (int64_t)n * c;
    int nt = ibinit_cpu_team(planes * hw, IBINIT_CPU_GRAIN_CHEAP);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t q = 0; q < planes; q++) {
        float b = bias[q % c];
        float *restrict row = x + q * hw;
        for (int64_t j = 0; j < hw; j++) row[j] += b;
    }
    return 0;
}

/* Each channel is summed by one thread in image order, so the result does not depend on the
 * thread count. */
IBINIT_API int ibinit_channel_sums(int n, int c, int64_t hw, const float *x, float *out) {
    int nt = ibinit_cpu_team((int64_t)n * c * hw, IBINIT_CPU_GRAIN_CHEAP);
    if (nt > c) nt = c;
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int ch = 0; ch < c; ch++) {
        double acc = 0.0;
        for (int i = 0; i < n; i++) {
            const float *restrict row = x + ((int64_t)i * c + ch) * hw;
            for (int64_t j = 0; j < hw; j++) acc += (double)row[j];
        }
        out[ch] = (float)acc;
    }
    return 0;
}
