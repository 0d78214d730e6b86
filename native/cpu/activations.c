/* Elementwise activations and their backward pass, through ibinit_act / ibinit_act_grad of
 * ibinit_scalar.h. Each kind gets its own loop with the kind as a constant, so the switch folds
 * away and ReLU / leaky ReLU / identity vectorize; tanh and sigmoid call libm per element. */
#include "ibinit.h"
#include "ibinit_scalar.h"
#include "cpu_internal.h"

#include <stdio.h>

static int64_t grain_of(int kind) {
    return kind == IBINIT_ACT_TANH || kind == IBINIT_ACT_SIGMOID ? IBINIT_CPU_GRAIN_COSTLY
                                                                 : IBINIT_CPU_GRAIN_CHEAP;
}

static int bad_kind(const char *who, int kind) {
    char msg[96];
    snprintf(msg, sizeof msg, "%s: unknown activation code %d", who, kind);
    ibinit_cpu_set_error(msg);
    return 1;
}

/* y may alias x: each element is read before it is written, at the same index. */
#define FORWARD(KIND)                                                                \
    do {                                                                             \
        _Pragma("omp parallel for num_threads(nt) if(nt > 1) schedule(static)")      \
        for (int64_t i = 0; i < n; i++) y[i] = ibinit_act(KIND, param, x[i]);        \
    } while (0)

IBINIT_API int ibinit_activation(int kind, float param, int64_t n, const float *x, float *y) {
    int nt = ibinit_cpu_team(n, grain_of(kind));
    switch (kind) {
        case IBINIT_ACT_IDENTITY: if (x != y) FORWARD(IBINIT_ACT_IDENTITY); break;
        case IBINIT_ACT_RELU: FORWARD(IBINIT_ACT_RELU); break;
        case IBINIT_ACT_LEAKY_RELU: FORWARD(IBINIT_ACT_LEAKY_RELU); break;
        case IBINIT_ACT_TANH: FORWARD(IBINIT_ACT_TANH); break;
        case IBINIT_ACT_SIGMOID: FORWARD(IBINIT_ACT_SIGMOID); break;
        default: return bad_kind("activation", kind);
    }
    return 0;
}

/* dx may alias dy (same index read before write). */
#define BACKWARD(KIND)                                                                      \
    do {                                                                                    \
        _Pragma("omp parallel for num_threads(nt) if(nt > 1) schedule(static)")             \
        for (int64_t i = 0; i < n; i++) dx[i] = dy[i] * ibinit_act_grad(KIND, param, x[i], y[i]); \
    } while (0)

IBINIT_API int ibinit_activation_backward(int kind, float param, int64_t n, const float *x,
                                          const float *y, const float *dy, float *dx) {
    int nt = ibinit_cpu_team(n, IBINIT_CPU_GRAIN_CHEAP);
    switch (kind) {
        case IBINIT_ACT_IDENTITY: if (dx != dy) BACKWARD(IBINIT_ACT_IDENTITY); break;
        case IBINIT_ACT_RELU: BACKWARD(IBINIT_ACT_RELU); break;
        case IBINIT_ACT_LEAKY_RELU: BACKWARD(IBINIT_ACT_LEAKY_RELU); break;
        case IBINIT_ACT_TANH: BACKWARD(IBINIT_ACT_TANH); break;
        case IBINIT_ACT_SIGMOID: BACKWARD(IBINIT_ACT_SIGMOID); break;
        default: return bad_kind("activation_backward", kind);
    }
    return 0;
}
