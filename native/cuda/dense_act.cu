// Fused dense layer + activation for the critics of the information estimators (ibinit.info).
// Forward: the cuBLAS GEMM, then one elementwise pass adding the bias and applying f.
// Backward: one pass d = dy * f'(y) in place, then the library's column sums (double,
// deterministic) for db and the two GEMMs (dx skipped when NULL). f' is read from y alone.
#include "ibinit.h"
#include "ibinit_scalar.h"
#include "cuda_internal.cuh"

static bool known_kind(int kind) { return kind >= IBINIT_ACT_IDENTITY && kind <= IBINIT_ACT_SIGMOID; }

extern "C" IBINIT_API int ibinit_dense_act_forward(int rows, int in, int out, const float *x, const float *w,
                                                   const float *b, int kind, float param, float *y) {
    if (!known_kind(kind)) return ibinit_cuda_fail("dense_act_forward: unknown activation code %d", kind);
    if (rows <= 0 || out <= 0) return 0;
    if (ibinit_gemm(0, 1, rows, out, in, 1.0f, x, in, w, in, 0.0f, y, out)) return 1;
    return ibinit_cuda_each("dense_act_forward", (int64_t)rows * out, [=] __device__(int64_t i) {
        y[i] = ibinit_act(kind, param, y[i] + b[i % out]);
    });
}

extern "C" IBINIT_API int ibinit_dense_act_backward(int rows, int in, int out, const float *x, const float *w,
                                                    int kind, float param, const float *y, float *dy,
                                                    float *dw, float *db, float *dx) {
    if (!known_kind(kind)) return ibinit_cuda_fail("dense_act_backward: unknown activation code %d", kind);
    if (out <= 0) {
        if (dx && (int64_t)rows * in > 0) {
            return ibinit_cuda_check(cudaMemset(dx, 0, sizeof(float) * (size_t)rows * in), "dense_act_backward");
        }
        return 0;
    }
    if (ibinit_cuda_each("dense_act_backward", (int64_t)rows * out, [=] __device__(int64_t i) {
            dy[i] *= ibinit_act_grad(kind, param, y[i], y[i]);
        })) return 1;
    if (ibinit_column_sums(rows, out, dy, db)) return 1;
    if (ibinit_gemm(1, 0, out, in, rows, 1.0f, dy, out, x, in, 0.0f, dw, in)) return 1;
    if (dx && ibinit_gemm(0, 0, rows, in, out, 1.0f, dy, out, w, in, 0.0f, dx, in)) return 1;
    return 0;
}
