// Max-pooling forward and backward (NCHW): one thread per output element through the per-element
// rules of ibinit_scalar.h (shared with the CPU backend). Backward gathers: no atomics.
#include "ibinit.h"
#include "ibinit_scalar.h"
#include "cuda_internal.cuh"

extern "C" IBINIT_API int ibinit_max_pool(int n, int c, int h, int w, int k, int s, int p, const float *x, float *y,
                                          int32_t *argmax) {
    const int oh = ibinit_window_positions(h, k, s, p), ow = ibinit_window_positions(w, k, s, p);
    const int64_t positions = (int64_t)oh * ow, plane = (int64_t)h * w;
    return ibinit_cuda_each("max_pool", (int64_t)n * c * positions, [=] __device__(int64_t e) {
        const int64_t q = e / positions; // image * c + channel
        const int pos = (int)(e - q * positions);
        y[e] = ibinit_max_pool_at(x + q * plane, h, w, k, s, p, pos / ow, pos % ow, &argmax[e]);
    });
}

extern "C" IBINIT_API int ibinit_max_pool_backward(int n, int c, int h, int w, int k, int s, int p, const float *dy,
                                                   const int32_t *argmax, float *dx) {
    const int oh = ibinit_window_positions(h, k, s, p), ow = ibinit_window_positions(w, k, s, p);
    const int64_t positions = (int64_t)oh * ow, plane = (int64_t)h * w;
    return ibinit_cuda_each("max_pool_backward", (int64_t)n * c * plane, [=] __device__(int64_t e) {
        const int64_t q = e / plane;
        const int pix = (int)(e - q * plane);
        dx[e] = ibinit_max_pool_grad_at(dy + q * positions, argmax + q * positions, w, k, s, p, oh, ow, pix / w, pix % w);
    });
}
