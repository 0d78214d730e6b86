// Library-level functions of the CUDA backend: probe and errors (the kernels are being written).
#include "ibinit.h"

#include <cuda_runtime.h>
#include <stdio.h>

static thread_local char last_error[256];

extern "C" IBINIT_API const char *ibinit_last_error(void) { return last_error; }

extern "C" IBINIT_API int ibinit_probe(char *reason, int reason_capacity) {
    int count = 0;
    cudaError_t err = cudaGetDeviceCount(&count);
    if (err != cudaSuccess || count == 0) {
        if (reason && reason_capacity > 0) {
            snprintf(reason, (size_t)reason_capacity, "no CUDA device (%s)",
                     err != cudaSuccess ? cudaGetErrorString(err) : "device count 0");
        }
        snprintf(last_error, sizeof last_error, "no CUDA device");
        return 1;
    }
    if (reason && reason_capacity > 0) reason[0] = '\0';
    return 0;
}
