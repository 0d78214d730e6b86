// Counter-based random fills: element i is a pure function of (seed, stream, offset + i), so
// one thread per element reproduces the CPU and Java streams bit for bit (ibinit_scalar.h,
// built with -fmad=false).
#include "ibinit.h"
#include "ibinit_scalar.h"
#include "cuda_internal.cuh"

// Computed on the GPU (not on the host, where the same function exists) so that the raw blocks
// check the device build of Philox.
extern "C" IBINIT_API int ibinit_philox_blocks(uint64_t seed, uint32_t stream, uint64_t offset, int64_t blocks,
                                               uint32_t *host_out) {
    if (blocks <= 0) return 0;
    const size_t bytes = sizeof(uint32_t) * 4 * (size_t)blocks;
    IbinitScratch scratch;
    if (scratch.alloc(bytes, "philox_blocks: scratch")) return 1;
    uint32_t *out = scratch.as<uint32_t>();
    if (ibinit_cuda_each("philox_blocks", blocks, [=] __device__(int64_t i) {
            ibinit_philox_block(seed, stream, offset + (uint64_t)i, 0, out + 4 * i);
        })) {
        return 1;
    }
    return ibinit_cuda_check(cudaMemcpy(host_out, out, bytes, cudaMemcpyDeviceToHost), "philox_blocks");
}

extern "C" IBINIT_API int ibinit_fill_uniform(float *x, int64_t n, uint64_t seed, uint32_t stream, uint64_t offset,
                                              float lo, float hi) {
    return ibinit_cuda_each("fill_uniform", n, [=] __device__(int64_t i) {
        x[i] = ibinit_uniform_at(seed, stream, offset + (uint64_t)i, lo, hi);
    });
}

extern "C" IBINIT_API int ibinit_fill_normal(float *x, int64_t n, uint64_t seed, uint32_t stream, uint64_t offset,
                                             float mean, float std) {
    return ibinit_cuda_each("fill_normal", n, [=] __device__(int64_t i) {
        x[i] = ibinit_normal_at(seed, stream, offset + (uint64_t)i, mean, std);
    });
}

extern "C" IBINIT_API int ibinit_fill_truncated_normal(float *x, int64_t n, uint64_t seed, uint32_t stream,
                                                       uint64_t offset, float mean, float std, float lo, float hi) {
    return ibinit_cuda_each("fill_truncated_normal", n, [=] __device__(int64_t i) {
        x[i] = ibinit_truncated_normal_at(seed, stream, offset + (uint64_t)i, mean, std, lo, hi);
    });
}

extern "C" IBINIT_API int ibinit_perturb_uniform(int64_t n, const float *w, float *out, uint64_t seed, uint32_t stream,
                                                 uint64_t offset, float radius) {
    return ibinit_cuda_each("perturb_uniform", n, [=] __device__(int64_t i) {
        // One thread per element, each computing its element's block (the GPU has the flops to spare).
        uint64_t j = offset + (uint64_t)i;
        uint32_t b[4];
        ibinit_philox_block(seed, stream, j >> 2, 0, b);
        out[i] = ibinit_perturb_from_block(w[i], b, j, radius);
    });
}
