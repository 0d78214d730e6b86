/* Convolution helpers: im2col, col2im, per-channel bias and sums (NCHW). Geometry from
 * ibinit_scalar.h, shared with CUDA. The loops run over contiguous rows without bounds checks in
 * their inner runs (ibinit_window_span), split across the pool when there is enough work; none
 * encloses an OpenBLAS call. */
#include "ibinit.h"
#include "ibinit_scalar.h"
#include "cpu_internal.h"

#include <string.h>

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
        int ox0, ox1;
        ibinit_window_span(w, s, p, kx, ow, &ox0, &ox1);
        for (int oy = 0; oy < oh; oy++) {
            float *restrict dst = cols + r * positions + (int64_t)oy * ow;
            int y = oy * s - p + ky;
            if (y < 0 || y >= h) {
                memset(dst, 0, sizeof(float) * (size_t)ow);
                continue;
            }
            /* dst[ox] = x[y, ox*s - p + kx] for ox in [ox0, ox1), zeros on either side. */
            const float *restrict row = src + (int64_t)y * w;
            int64_t at = (int64_t)ox0 * s - p + kx;
            for (int ox = 0; ox < ox0; ox++) dst[ox] = 0.0f;
            if (s == 1) {
                for (int ox = ox0; ox < ox1; ox++) dst[ox] = row[at + ox - ox0];
            } else {
                for (int ox = ox0; ox < ox1; ox++) dst[ox] = row[at + (int64_t)(ox - ox0) * s];
            }
            for (int ox = ox1; ox < ow; ox++) dst[ox] = 0.0f;
        }
    }
    return 0;
}

/* One dx plane per (image, channel): zeroed, then each cols row of that plane added onto the
 * pixels it came from, (ky, kx) ascending (the order of ibinit_col2im_at, so CUDA gives the same
 * bits). For a fixed (ky, kx) no two window positions share a pixel, so the inner run vectorizes. */
IBINIT_API int ibinit_col2im(int n, int c, int h, int w, int k, int s, int p, const float *cols, float *dx) {
    int oh = ibinit_window_positions(h, k, s, p), ow = ibinit_window_positions(w, k, s, p);
    int64_t positions = (int64_t)oh * ow, plane = (int64_t)h * w;
    int64_t planes = (int64_t)n * c;
    int nt = ibinit_cpu_team(planes * k * k * positions, IBINIT_CPU_GRAIN_CHEAP);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t q = 0; q < planes; q++) {
        float *restrict dst = dx + q * plane;
        memset(dst, 0, sizeof(float) * (size_t)plane);
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                const float *restrict src = cols + (q * k * k + ky * k + kx) * positions;
                int ox0, ox1;
                ibinit_window_span(w, s, p, kx, ow, &ox0, &ox1);
                for (int oy = 0; oy < oh; oy++) {
                    int y = oy * s - p + ky;
                    if (y < 0 || y >= h) continue;
                    float *restrict row = dst + (int64_t)y * w;
                    const float *restrict in = src + (int64_t)oy * ow;
                    int64_t at = (int64_t)ox0 * s - p + kx;
                    if (s == 1) {
                        for (int ox = ox0; ox < ox1; ox++) row[at + ox - ox0] += in[ox];
                    } else {
                        for (int ox = ox0; ox < ox1; ox++) row[at + (int64_t)(ox - ox0) * s] += in[ox];
                    }
                }
            }
        }
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
