// Convolution helpers: im2col, col2im, per-channel bias and sums (NCHW). One thread per output
// element through the per-element rules of ibinit_scalar.h (shared with the CPU backend);
// col2im gathers, so no atomics and the same summation order as the CPU.
#include "ibinit.h"
#include "ibinit_scalar.h"
#include "cuda_internal.cuh"

extern "C" IBINIT_API int ibinit_im2col(int n, int c, int h, int w, int k, int s, int p, const float *x, float *cols) {
    const int oh = ibinit_window_positions(h, k, s, p), ow = ibinit_window_positions(w, k, s, p);
    const int64_t positions = (int64_t)oh * ow, plane = (int64_t)h * w, kk = (int64_t)k * k;
    // Element e = row * positions + (oy*ow + ox), row = (image*c + ch)*k*k + ky*k + kx: writes coalesce.
    return ibinit_cuda_each("im2col", (int64_t)n * c * kk * positions, [=] __device__(int64_t e) {
        const int64_t row = e / positions;
        const int pos = (int)(e - row * positions);
        const int kx = (int)(row % k), ky = (int)(row / k % k);
        cols[e] = ibinit_im2col_at(x + row / kk * plane, h, w, s, p, ky, kx, pos / ow, pos % ow);
    });
}

extern "C" IBINIT_API int ibinit_col2im(int n, int c, int h, int w, int k, int s, int p, const float *cols, float *dx) {
    const int oh = ibinit_window_positions(h, k, s, p), ow = ibinit_window_positions(w, k, s, p);
    const int64_t plane = (int64_t)h * w, image = (int64_t)c * k * k * oh * ow;
    return ibinit_cuda_each("col2im", (int64_t)n * c * plane, [=] __device__(int64_t e) {
        const int64_t ic = e / plane; // image * c + channel
        const int pix = (int)(e - ic * plane);
        dx[e] = ibinit_col2im_at(cols + ic / c * image, (int)(ic % c), k, s, p, oh, ow, pix / w, pix % w);
    });
}

extern "C" IBINIT_API int ibinit_add_channel_bias(int n, int c, int64_t hw, float *x, const float *bias) {
    if (hw <= 0) return 0;
    return ibinit_cuda_each("add_channel_bias", (int64_t)n * c * hw,
                            [=] __device__(int64_t e) { x[e] += bias[e / hw % c]; });
}

// One block per channel: each thread sums a strided share in double, then a fixed-shape tree in
// shared memory, so the result does not depend on scheduling.
__global__ void channel_sums_kernel(int n, int c, int64_t hw, const float *x, float *out) {
    __shared__ double partial[IBINIT_BLOCK];
    const int ch = blockIdx.x;
    double acc = 0.0;
    for (int i = 0; i < n; i++) {
        const float *plane = x + ((int64_t)i * c + ch) * hw;
        for (int64_t j = threadIdx.x; j < hw; j += blockDim.x) acc += (double)plane[j];
    }
    partial[threadIdx.x] = acc;
    __syncthreads();
    for (int half = IBINIT_BLOCK / 2; half > 0; half >>= 1) {
        if (threadIdx.x < half) partial[threadIdx.x] += partial[threadIdx.x + half];
        __syncthreads();
    }
    if (threadIdx.x == 0) out[ch] = (float)partial[0];
}

extern "C" IBINIT_API int ibinit_channel_sums(int n, int c, int64_t hw, const float *x, float *out) {
    if (c <= 0) return 0;
    channel_sums_kernel<<<c, IBINIT_BLOCK>>>(n, c, hw, x, out);
    return ibinit_cuda_launched("channel_sums");
}
