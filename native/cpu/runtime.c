/* Library-level functions of the CPU backend: probe, errors, threads, memory. */
#define _GNU_SOURCE
#include "ibinit.h"
#include "cpu_internal.h"

#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local char last_error[256];
static int thread_count = 1;
static int gemm_threaded = 0;

void ibinit_cpu_set_error(const char *message) {
    snprintf(last_error, sizeof last_error, "%s", message);
}

IBINIT_API const char *ibinit_last_error(void) { return last_error; }

IBINIT_API int ibinit_probe(char *reason, int reason_capacity) {
    if (reason && reason_capacity > 0) reason[0] = '\0';
    return 0;
}

/* OpenBLAS always runs single-threaded, in the calling thread: its threading gives results that
 * depend on the thread count, so our kernels split the work into fixed blocks themselves (gemm.c)
 * and spread them over our one OpenMP pool. Set when the library is loaded, before any call. */
__attribute__((constructor)) static void single_threaded_openblas(void) { openblas_set_num_threads(1); }

/* The size of our OpenMP pool (OpenBLAS stays at 1 thread, unless GEMM runs threaded). */
IBINIT_API int ibinit_set_threads(int threads) {
    if (threads < 1) {
        ibinit_cpu_set_error("thread count must be >= 1");
        return 1;
    }
    thread_count = threads;
    omp_set_num_threads(threads);
    openblas_set_num_threads(gemm_threaded ? threads : 1);
    return 0;
}

IBINIT_API int ibinit_set_gemm_threaded(int threaded) {
    gemm_threaded = threaded != 0;
    openblas_set_num_threads(gemm_threaded ? thread_count : 1);
    return 0;
}

int ibinit_cpu_gemm_threaded(void) { return gemm_threaded; }

IBINIT_API int ibinit_get_threads(void) { return thread_count; }

int ibinit_cpu_threads(void) { return thread_count; }

IBINIT_API int ibinit_synchronize(void) { return 0; }

IBINIT_API void *ibinit_alloc(int64_t bytes) {
    size_t size = bytes <= 0 ? 64 : (size_t)((bytes + 63) / 64 * 64);
    void *p = aligned_alloc(64, size);
    if (!p) {
        ibinit_cpu_set_error("out of host memory");
        return NULL;
    }
    memset(p, 0, size);
    return p;
}

IBINIT_API int ibinit_free(void *ptr) {
    free(ptr);
    return 0;
}

IBINIT_API int ibinit_upload(void *dst, const void *host_src, int64_t bytes) {
    memcpy(dst, host_src, (size_t)bytes);
    return 0;
}

IBINIT_API int ibinit_download(void *host_dst, const void *src, int64_t bytes) {
    memcpy(host_dst, src, (size_t)bytes);
    return 0;
}

IBINIT_API int ibinit_copy(void *dst, const void *src, int64_t bytes) {
    memmove(dst, src, (size_t)bytes);
    return 0;
}
