// Device memory: allocation (zero-filled) and copies between host and device.
#include "ibinit.h"
#include "cuda_internal.cuh"

extern "C" IBINIT_API void *ibinit_alloc(int64_t bytes) {
    // cudaMalloc aligns to 256 bytes (>= the 64 the ABI promises); an empty tensor still gets
    // a distinct, valid pointer.
    size_t size = bytes <= 0 ? 256 : (size_t)bytes;
    void *p = NULL;
    if (ibinit_cuda_check(cudaMalloc(&p, size), "alloc")) return NULL;
    if (ibinit_cuda_check(cudaMemset(p, 0, size), "alloc (zero fill)")) {
        cudaFree(p);
        return NULL;
    }
    return p;
}

extern "C" IBINIT_API int ibinit_free(void *ptr) {
    if (!ptr) return 0;
    return ibinit_cuda_check(cudaFree(ptr), "free");
}

// host_src may be a pinned Java array (a critical downcall): cudaMemcpy from pageable memory
// has finished reading it when it returns.
extern "C" IBINIT_API int ibinit_upload(void *dst, const void *host_src, int64_t bytes) {
    if (bytes <= 0) return 0;
    return ibinit_cuda_check(cudaMemcpy(dst, host_src, (size_t)bytes, cudaMemcpyHostToDevice), "upload");
}

extern "C" IBINIT_API int ibinit_download(void *host_dst, const void *src, int64_t bytes) {
    if (bytes <= 0) return 0;
    return ibinit_cuda_check(cudaMemcpy(host_dst, src, (size_t)bytes, cudaMemcpyDeviceToHost), "download");
}

extern "C" IBINIT_API int ibinit_copy(void *dst, const void *src, int64_t bytes) {
    if (bytes <= 0 || dst == src) return 0;
    return ibinit_cuda_check(cudaMemcpy(dst, src, (size_t)bytes, cudaMemcpyDeviceToDevice), "copy");
}
