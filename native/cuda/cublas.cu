// cuBLAS, opened at run time (never linked): the build needs no cuBLAS, and one library serves
// machines with CUDA 12 or 13. Tried in order: $IBINIT_CUBLAS (an explicit path wins),
// libcublas.so.13, libcublas.so.12.
#include "cuda_internal.cuh"

#include <dlfcn.h>
#include <mutex>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The few cuBLAS declarations needed (values from cublas_api.h, stable across 11-13).
typedef void *cublas_handle;
typedef int (*create_fn)(cublas_handle *);
typedef int (*set_math_mode_fn)(cublas_handle, int);
typedef const char *(*status_string_fn)(int);
typedef int (*sgemm_fn)(cublas_handle, int, int, int, int, int, const float *, const float *, int,
                        const float *, int, const float *, float *, int);
enum { CUBLAS_OP_N = 0, CUBLAS_OP_T = 1, CUBLAS_DEFAULT_MATH = 0, CUBLAS_TF32_TENSOR_OP_MATH = 3 };

static struct {
    char unavailable[320]; // empty when loaded
    create_fn create;
    set_math_mode_fn set_math_mode; // optional
    status_string_fn status_string; // optional
    sgemm_fn sgemm;
    std::mutex handle_lock;
    cublas_handle handle;
} cublas;

static void load(void) {
    const char *env = getenv("IBINIT_CUBLAS");
    const char *candidates[] = {env && *env ? env : NULL, "libcublas.so.13", "libcublas.so.12"};
    char tried[256] = "";
    void *lib = NULL;
    for (const char *name : candidates) {
        if (!name) continue;
        lib = dlopen(name, RTLD_NOW | RTLD_LOCAL);
        if (lib) break;
        size_t used = strlen(tried);
        snprintf(tried + used, sizeof tried - used, "%s%s", used ? ", " : "", name);
    }
    if (!lib) {
        snprintf(cublas.unavailable, sizeof cublas.unavailable,
                 "cannot open %s; install cuBLAS or set IBINIT_CUBLAS to libcublas.so's path", tried);
        return;
    }
    cublas.create = (create_fn)dlsym(lib, "cublasCreate_v2");
    cublas.sgemm = (sgemm_fn)dlsym(lib, "cublasSgemm_v2");
    cublas.set_math_mode = (set_math_mode_fn)dlsym(lib, "cublasSetMathMode");
    cublas.status_string = (status_string_fn)dlsym(lib, "cublasGetStatusString");
    if (!cublas.create || !cublas.sgemm) {
        snprintf(cublas.unavailable, sizeof cublas.unavailable, "libcublas lacks cublasCreate_v2 or cublasSgemm_v2");
        dlclose(lib);
    }
}

const char *ibinit_cublas_unavailable(void) {
    static const bool loaded = (load(), true); // thread-safe one-time initialisation
    (void)loaded;
    return cublas.unavailable[0] ? cublas.unavailable : NULL;
}

static int status_error(int status, const char *what) {
    const char *text = cublas.status_string ? cublas.status_string(status) : "";
    return ibinit_cuda_fail("%s: cuBLAS status %d %s", what, status, text ? text : "");
}

// One handle for the library, on the default stream. FP32 math unless IBINIT_CUDA_TF32=1
// asks for TF32 tensor cores (faster, ~1e-3 relative error: results then differ from the CPU).
static cublas_handle handle(int *rc) {
    std::lock_guard<std::mutex> guard(cublas.handle_lock);
    if (cublas.handle) return cublas.handle;
    const char *why = ibinit_cublas_unavailable();
    if (why) {
        *rc = ibinit_cuda_fail("gemm: %s", why);
        return NULL;
    }
    cublas_handle h = NULL;
    int status = cublas.create(&h);
    if (status != 0) {
        *rc = status_error(status, "gemm: cublasCreate_v2");
        return NULL;
    }
    const char *tf32 = getenv("IBINIT_CUDA_TF32");
    int mode = tf32 && strcmp(tf32, "1") == 0 ? CUBLAS_TF32_TENSOR_OP_MATH : CUBLAS_DEFAULT_MATH;
    if (cublas.set_math_mode) cublas.set_math_mode(h, mode);
    cublas.handle = h;
    return h;
}

int ibinit_cublas_sgemm(int trans_a, int trans_b, int m, int n, int k, float alpha, const float *a, int lda,
                        const float *b, int ldb, float beta, float *c, int ldc) {
    int rc = 0;
    cublas_handle h = handle(&rc);
    if (!h) return rc;
    int status = cublas.sgemm(h, trans_a ? CUBLAS_OP_T : CUBLAS_OP_N, trans_b ? CUBLAS_OP_T : CUBLAS_OP_N,
                              m, n, k, &alpha, a, lda, b, ldb, &beta, c, ldc);
    return status == 0 ? 0 : status_error(status, "gemm: cublasSgemm_v2");
}
