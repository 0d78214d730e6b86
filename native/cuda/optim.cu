// Optimizer updates: the per-element rules of ibinit_scalar.h (PyTorch's SGD and Adam). Built
// with -fmad=false, so the arithmetic matches the CPU and Java bit for bit.
#include "ibinit.h"
#include "ibinit_scalar.h"
#include "cuda_internal.cuh"

#include <math.h>

extern "C" IBINIT_API int ibinit_sgd_momentum(int64_t n, float *w, const float *g, float *v, float lr,
                                              float momentum, float weight_decay, int nesterov) {
    return ibinit_cuda_each("sgd_momentum", n, [=] __device__(int64_t i) {
        ibinit_sgd_step(&w[i], g[i], &v[i], lr, momentum, weight_decay, nesterov);
    });
}

extern "C" IBINIT_API int ibinit_adam(int64_t n, float *w, const float *g, float *m, float *v, float lr,
                                      float beta1, float beta2, float eps, float weight_decay, int64_t step) {
    // Bias corrections in double on the host, rounded once to float (as the CPU and Java).
    const float c1 = (float)(1.0 - pow((double)beta1, (double)step));
    const float c2 = (float)(1.0 - pow((double)beta2, (double)step));
    return ibinit_cuda_each("adam", n, [=] __device__(int64_t i) {
        ibinit_adam_step(&w[i], g[i], &m[i], &v[i], lr, beta1, beta2, eps, weight_decay, c1, c2);
    });
}
