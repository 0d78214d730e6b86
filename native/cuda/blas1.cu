// Vector updates: axpy and scale.
#include "ibinit.h"
#include "cuda_internal.cuh"

extern "C" IBINIT_API int ibinit_axpy(int64_t n, float alpha, const float *x, float *y) {
    return ibinit_cuda_each("axpy", n, [=] __device__(int64_t i) { y[i] += alpha * x[i]; });
}

extern "C" IBINIT_API int ibinit_scale(int64_t n, float alpha, float *x) {
    return ibinit_cuda_each("scale", n, [=] __device__(int64_t i) { x[i] *= alpha; });
}
