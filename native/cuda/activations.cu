// Elementwise activations and their backward pass: the per-element rules of ibinit_scalar.h.
#include "ibinit.h"
#include "ibinit_scalar.h"
#include "cuda_internal.cuh"

extern "C" IBINIT_API int ibinit_activation(int kind, float param, int64_t n, const float *x, float *y) {
    return ibinit_cuda_each("activation", n, [=] __device__(int64_t i) { y[i] = ibinit_act(kind, param, x[i]); });
}

// dx may alias dy: each element is read before it is written, by the same thread.
extern "C" IBINIT_API int ibinit_activation_backward(int kind, float param, int64_t n, const float *x,
                                                     const float *y, const float *dy, float *dx) {
    return ibinit_cuda_each("activation_backward", n, [=] __device__(int64_t i) {
        dx[i] = dy[i] * ibinit_act_grad(kind, param, x[i], y[i]);
    });
}
