// Library-level functions of the CUDA backend: probe, errors, threads, synchronize.
#include "ibinit.h"
#include "cuda_internal.cuh"

#include <atomic>
#include <stdarg.h>
#include <stdio.h>

static thread_local char last_error[512];
// Stored for ibinit_get_threads only: the GPU's parallelism does not come from host threads.
static std::atomic<int> thread_count{1};

int ibinit_cuda_fail(const char *fmt, ...) {
    va_list args;
    va_start(args, fmt);
    vsnprintf(last_error, sizeof last_error, fmt, args);
    va_end(args);
    return 1;
}

int ibinit_cuda_check(cudaError_t err, const char *what) {
    if (err == cudaSuccess) return 0;
    // Clear a non-sticky error (say, a failed cudaMalloc): the runtime would otherwise report it
    // again at the next launch check, as if that launch had failed.
    cudaGetLastError();
    return ibinit_cuda_fail("%s: %s: %s", what, cudaGetErrorName(err), cudaGetErrorString(err));
}

extern "C" IBINIT_API const char *ibinit_last_error(void) { return last_error; }

extern "C" IBINIT_API int ibinit_probe(char *reason, int reason_capacity) {
    char why[400];
    int count = 0;
    cudaError_t err = cudaGetDeviceCount(&count);
    const char *cublas = NULL;
    if (err != cudaSuccess) {
        snprintf(why, sizeof why, "no CUDA device (cudaGetDeviceCount: error %d, %s)", (int)err, cudaGetErrorString(err));
    } else if (count == 0) {
        snprintf(why, sizeof why, "no CUDA device (device count 0)");
    } else if ((cublas = ibinit_cublas_unavailable()) != NULL) {
        snprintf(why, sizeof why, "cuBLAS unavailable (%s)", cublas);
    } else {
        if (reason && reason_capacity > 0) reason[0] = '\0';
        return 0;
    }
    if (reason && reason_capacity > 0) snprintf(reason, (size_t)reason_capacity, "%s", why);
    ibinit_cuda_fail("%s", why);
    return 1;
}

extern "C" IBINIT_API int ibinit_set_threads(int threads) {
    if (threads < 1) return ibinit_cuda_fail("thread count must be >= 1, got %d", threads);
    thread_count = threads;
    return 0;
}

extern "C" IBINIT_API int ibinit_get_threads(void) { return thread_count; }

/* cuBLAS's results do not depend on a host thread count: nothing to switch. */
extern "C" IBINIT_API int ibinit_set_gemm_threaded(int threaded) {
    (void)threaded;
    return 0;
}

extern "C" IBINIT_API int ibinit_synchronize(void) {
    return ibinit_cuda_check(cudaDeviceSynchronize(), "synchronize");
}
