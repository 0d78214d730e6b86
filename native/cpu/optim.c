/* Optimizer updates: loops over the per-element rules of ibinit_scalar.h (PyTorch's SGD and
 * Adam), bit for bit the same arithmetic as the Java reference. The loops vectorize (the
 * buffers are distinct tensors: restrict). */
#include "ibinit.h"
#include "ibinit_scalar.h"
#include "cpu_internal.h"

#include <math.h>

IBINIT_API int ibinit_sgd_momentum(int64_t n, float *w, const float *g, float *v, float lr,
                                   float momentum, float weight_decay, int nesterov) {
    float *restrict wr = w;
    const float *restrict gr = g;
    float *restrict vr = v;
    int nt = ibinit_cpu_team(n, IBINIT_CPU_GRAIN_CHEAP);
    if (nesterov) {
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
        for (int64_t i = 0; i < n; i++) ibinit_sgd_step(&wr[i], gr[i], &vr[i], lr, momentum, weight_decay, 1);
    } else {
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
        for (int64_t i = 0; i < n; i++) ibinit_sgd_step(&wr[i], gr[i], &vr[i], lr, momentum, weight_decay, 0);
    }
    return 0;
}

IBINIT_API int ibinit_adam(int64_t n, float *w, const float *g, float *m, float *v, float lr,
                           float beta1, float beta2, float eps, float weight_decay, int64_t step) {
    /* Bias corrections in double, then rounded once to float (as the Java reference does). */
    const float c1 = (float)(1.0 - pow((double)beta1, (double)step));
    const float c2 = (float)(1.0 - pow((double)beta2, (double)step));
    float *restrict wr = w;
    const float *restrict gr = g;
    float *restrict mr = m;
    float *restrict vr = v;
    int nt = ibinit_cpu_team(n, IBINIT_CPU_GRAIN_CHEAP);
#pragma omp parallel for num_threads(nt) if(nt > 1) schedule(static)
    for (int64_t i = 0; i < n; i++)
        ibinit_adam_step(&wr[i], gr[i], &mr[i], &vr[i], lr, beta1, beta2, eps, weight_decay, c1, c2);
    return 0;
}
