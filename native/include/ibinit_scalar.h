/*
 * Scalar functions shared by the CPU and CUDA backends, and mirrored line by line in Java
 * (ibinit.rng.Philox, ibinit.rng.DeterministicMath). Everything here that feeds the random
 * streams uses only IEEE basic operations (+ - * / sqrt) in double, in a fixed order, so the
 * three implementations agree bit for bit. Compile users of the random part with
 * -ffp-contract=off (C) or -fmad=false (CUDA): a fused multiply-add would round differently.
 */
#ifndef IBINIT_SCALAR_H
#define IBINIT_SCALAR_H

#include <stdint.h>
#include <math.h>

#ifdef __CUDACC__
#define IBINIT_HD __host__ __device__ __forceinline__
#else
#define IBINIT_HD static inline
#endif

/* ---------------------------------------------------------------- Philox-4x32-10 --- */
/* Salmon et al., "Parallel random numbers: as easy as 1, 2, 3" (SC'11). */
#define IBINIT_PHILOX_M0 0xD2511F53u
#define IBINIT_PHILOX_M1 0xCD9E8D57u
#define IBINIT_PHILOX_W0 0x9E3779B9u
#define IBINIT_PHILOX_W1 0xBB67AE85u

IBINIT_HD void ibinit_philox4x32_10(const uint32_t ctr_in[4], const uint32_t key_in[2], uint32_t out[4]) {
    uint32_t c0 = ctr_in[0], c1 = ctr_in[1], c2 = ctr_in[2], c3 = ctr_in[3];
    uint32_t k0 = key_in[0], k1 = key_in[1];
    for (int round = 0; round < 10; round++) {
        uint64_t p0 = (uint64_t)IBINIT_PHILOX_M0 * c0;
        uint64_t p1 = (uint64_t)IBINIT_PHILOX_M1 * c2;
        uint32_t hi0 = (uint32_t)(p0 >> 32), lo0 = (uint32_t)p0;
        uint32_t hi1 = (uint32_t)(p1 >> 32), lo1 = (uint32_t)p1;
        c0 = hi1 ^ c1 ^ k0;
        c1 = lo1;
        c2 = hi0 ^ c3 ^ k1;
        c3 = lo0;
        k0 += IBINIT_PHILOX_W0;
        k1 += IBINIT_PHILOX_W1;
    }
    out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
}

/*
 * The block that element `index` of stream (seed, stream) uses in rejection round `round`:
 * counter = (index lo, index hi, stream, round), key = (seed lo, seed hi).
 * Element i of a fill starting at `offset` has index offset + i, so any slice of a stream
 * can be produced independently (one thread per element on the GPU).
 */
IBINIT_HD void ibinit_philox_block(uint64_t seed, uint32_t stream, uint64_t index, uint32_t round, uint32_t out[4]) {
    uint32_t ctr[4] = {(uint32_t)index, (uint32_t)(index >> 32), stream, round};
    uint32_t key[2] = {(uint32_t)seed, (uint32_t)(seed >> 32)};
    ibinit_philox4x32_10(ctr, key, out);
}

/* Uniform float in [0, 1): the top 24 bits of a word, exact in float. */
IBINIT_HD float ibinit_u01f(uint32_t word) {
    return (float)(word >> 8) * 5.9604644775390625e-8f; /* 2^-24 */
}

/* Uniform double in (0, 1]: 53 bits from two words, plus one half step so 0 never occurs. */
IBINIT_HD double ibinit_u01d_open0(uint32_t lo, uint32_t hi) {
    uint64_t bits = (((uint64_t)hi << 32) | lo) >> 11;
    return ((double)bits + 1.0) * 1.1102230246251565e-16; /* 2^-53 */
}

/* Uniform double in [0, 1). */
IBINIT_HD double ibinit_u01d(uint32_t lo, uint32_t hi) {
    uint64_t bits = (((uint64_t)hi << 32) | lo) >> 11;
    return (double)bits * 1.1102230246251565e-16;
}

/* ------------------------------------------------------ deterministic log and cos --- */
/* Natural log for x > 0 (finite, normal): x = m 2^e with m in [sqrt(1/2), sqrt(2)),
 * log m = 2 atanh(s), s = (m - 1)/(m + 1), |s| <= 0.1716; 12 series terms reach 1e-17. */
IBINIT_HD double ibinit_det_log(double x) {
    union { double d; uint64_t u; } bits;
    bits.d = x;
    int e = (int)((bits.u >> 52) & 0x7FF) - 1023;
    bits.u = (bits.u & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull; /* m in [1, 2) */
    double m = bits.d;
    if (m > 1.4142135623730951) { m = m * 0.5; e = e + 1; }
    double s = (m - 1.0) / (m + 1.0);
    double s2 = s * s;
    double p = 1.0 / 23.0;
    p = p * s2 + 1.0 / 21.0;
    p = p * s2 + 1.0 / 19.0;
    p = p * s2 + 1.0 / 17.0;
    p = p * s2 + 1.0 / 15.0;
    p = p * s2 + 1.0 / 13.0;
    p = p * s2 + 1.0 / 11.0;
    p = p * s2 + 1.0 / 9.0;
    p = p * s2 + 1.0 / 7.0;
    p = p * s2 + 1.0 / 5.0;
    p = p * s2 + 1.0 / 3.0;
    p = p * s2 + 1.0;
    return (double)e * 0.6931471805599453 + 2.0 * s * p;
}

/* cos(phi) and sin(phi) for phi in [0, pi/2], Taylor series to phi^20 / phi^21 (error < 3e-17). */
IBINIT_HD double ibinit_det_cos_quarter(double phi) {
    double x2 = phi * phi;
    double p = 1.0 / 2432902008176640000.0;          /* 1/20! */
    p = -p * x2 + 1.0 / 6402373705728000.0;           /* 1/18! */
    p = -p * x2 + 1.0 / 20922789888000.0;             /* 1/16! */
    p = -p * x2 + 1.0 / 87178291200.0;                /* 1/14! */
    p = -p * x2 + 1.0 / 479001600.0;                  /* 1/12! */
    p = -p * x2 + 1.0 / 3628800.0;                    /* 1/10! */
    p = -p * x2 + 1.0 / 40320.0;                      /* 1/8!  */
    p = -p * x2 + 1.0 / 720.0;                        /* 1/6!  */
    p = -p * x2 + 1.0 / 24.0;                         /* 1/4!  */
    p = -p * x2 + 1.0 / 2.0;                          /* 1/2!  */
    p = -p * x2 + 1.0;
    return p;
}

IBINIT_HD double ibinit_det_sin_quarter(double phi) {
    double x2 = phi * phi;
    double p = 1.0 / 51090942171709440000.0;         /* 1/21! */
    p = -p * x2 + 1.0 / 121645100408832000.0;         /* 1/19! */
    p = -p * x2 + 1.0 / 355687428096000.0;            /* 1/17! */
    p = -p * x2 + 1.0 / 1307674368000.0;              /* 1/15! */
    p = -p * x2 + 1.0 / 6227020800.0;                 /* 1/13! */
    p = -p * x2 + 1.0 / 39916800.0;                   /* 1/11! */
    p = -p * x2 + 1.0 / 362880.0;                     /* 1/9!  */
    p = -p * x2 + 1.0 / 5040.0;                       /* 1/7!  */
    p = -p * x2 + 1.0 / 120.0;                        /* 1/5!  */
    p = -p * x2 + 1.0 / 6.0;                          /* 1/3!  */
    p = -p * x2 + 1.0;
    return p * phi;
}

/* cos(2 pi u) for u in [0, 1): the quadrant comes exactly from 4u, the rest from a quarter turn. */
IBINIT_HD double ibinit_det_cos_turn(double u) {
    double t = u * 4.0;
    int q = (int)t;
    double phi = (t - (double)q) * 1.5707963267948966;
    switch (q) {
        case 0: return ibinit_det_cos_quarter(phi);
        case 1: return -ibinit_det_sin_quarter(phi);
        case 2: return -ibinit_det_cos_quarter(phi);
        default: return ibinit_det_sin_quarter(phi);
    }
}

/* A standard normal from one Philox block (Box-Muller, cosine branch). */
IBINIT_HD double ibinit_normal_from_block(const uint32_t b[4]) {
    double u1 = ibinit_u01d_open0(b[0], b[1]);
    double u2 = ibinit_u01d(b[2], b[3]);
    return sqrt(-2.0 * ibinit_det_log(u1)) * ibinit_det_cos_turn(u2);
}

/* Rejection rounds for the truncated normal; Java refuses ranges whose acceptance could be low. */
#define IBINIT_TRUNC_MAX_ROUNDS 256

/* ------------------------------------------------------------------ random values --- */
/* One word mapped to U[lo, hi). */
IBINIT_HD float ibinit_uniform_from_word(uint32_t word, float lo, float hi) {
    float v = lo + (hi - lo) * ibinit_u01f(word);
    /* Rounding can reach hi itself; keep the range half-open (nextafterf is exact everywhere). */
    return (v < hi || !(hi > lo)) ? v : nextafterf(hi, -INFINITY);
}

IBINIT_HD float ibinit_uniform_at(uint64_t seed, uint32_t stream, uint64_t index, float lo, float hi) {
    uint32_t b[4];
    ibinit_philox_block(seed, stream, index, 0, b);
    return ibinit_uniform_from_word(b[0], lo, hi);
}

/* The box-kernel perturbation (entropic smoothing): w + U[-radius, radius) for element `index`
 * of the stream, which takes word index % 4 of block index / 4. Using all four words of a block
 * costs a quarter of the Philox work of ibinit_uniform_at, which uses one word per block. */
IBINIT_HD float ibinit_perturb_from_block(float w, const uint32_t b[4], uint64_t index, float radius) {
    return w + ibinit_uniform_from_word(b[index & 3], -radius, radius);
}

IBINIT_HD float ibinit_normal_at(uint64_t seed, uint32_t stream, uint64_t index, float mean, float std) {
    uint32_t b[4];
    ibinit_philox_block(seed, stream, index, 0, b);
    return (float)((double)mean + (double)std * ibinit_normal_from_block(b));
}

/* Normal(mean, std) restricted to [lo, hi] by rejection; after the last round, clamp. */
IBINIT_HD float ibinit_truncated_normal_at(uint64_t seed, uint32_t stream, uint64_t index,
                                           float mean, float std, float lo, float hi) {
    float v = mean;
    for (uint32_t round = 0; round < IBINIT_TRUNC_MAX_ROUNDS; round++) {
        uint32_t b[4];
        ibinit_philox_block(seed, stream, index, round, b);
        v = (float)((double)mean + (double)std * ibinit_normal_from_block(b));
        if (v >= lo && v <= hi) return v;
    }
    return v < lo ? lo : hi;
}

/* ------------------------------------------------------------------- activations --- */
/* Codes shared with Java's ibinit.backend.Activation. */
#define IBINIT_ACT_IDENTITY 0
#define IBINIT_ACT_RELU 1
#define IBINIT_ACT_LEAKY_RELU 2
#define IBINIT_ACT_TANH 3
#define IBINIT_ACT_SIGMOID 4

IBINIT_HD float ibinit_act(int kind, float param, float x) {
    switch (kind) {
        case IBINIT_ACT_RELU: return x > 0.0f ? x : 0.0f;
        case IBINIT_ACT_LEAKY_RELU: return x > 0.0f ? x : param * x;
        case IBINIT_ACT_TANH: return tanhf(x);
        case IBINIT_ACT_SIGMOID: return 1.0f / (1.0f + expf(-x));
        default: return x;
    }
}

/* Derivative from the pre-activation x and the output y (tanh and sigmoid use y). */
IBINIT_HD float ibinit_act_grad(int kind, float param, float x, float y) {
    switch (kind) {
        case IBINIT_ACT_RELU: return x > 0.0f ? 1.0f : 0.0f;
        case IBINIT_ACT_LEAKY_RELU: return x > 0.0f ? 1.0f : param;
        case IBINIT_ACT_TANH: return 1.0f - y * y;
        case IBINIT_ACT_SIGMOID: return y * (1.0f - y);
        default: return 1.0f;
    }
}

/* Second derivative f''(x) from x and y, for Hessian-vector products: 0 for the piecewise-linear
 * kinds (exact away from the kink, where f'' is a point mass no finite difference sees either). */
IBINIT_HD float ibinit_act_grad2(int kind, float param, float x, float y) {
    (void)param;
    (void)x;
    switch (kind) {
        case IBINIT_ACT_TANH: return -2.0f * y * (1.0f - y * y);
        case IBINIT_ACT_SIGMOID: return y * (1.0f - y) * (1.0f - 2.0f * y);
        default: return 0.0f;
    }
}

/* R-operator of the activation backward dx = dy f'(x): rdx = rdy f'(x) + dy f''(x) rx. */
IBINIT_HD float ibinit_act_backward_r(int kind, float param, float x, float y, float dy, float rx, float rdy) {
    return rdy * ibinit_act_grad(kind, param, x, y) + dy * ibinit_act_grad2(kind, param, x, y) * rx;
}

/* ---------------------------------------------------------------- optimizer steps --- */
/* PyTorch's SGD: g += wd w; v = mu v + g; step = nesterov ? g + mu v : v; w -= lr step. */
IBINIT_HD void ibinit_sgd_step(float *w, float g, float *v, float lr, float mu, float wd, int nesterov) {
    float gw = g + wd * *w;
    float vn = mu * *v + gw;
    *v = vn;
    *w -= lr * (nesterov ? gw + mu * vn : vn);
}

/* PyTorch's Adam (weight decay added to the gradient); c1 = 1 - b1^t, c2 = 1 - b2^t. */
IBINIT_HD void ibinit_adam_step(float *w, float g, float *m, float *v, float lr, float b1, float b2,
                                float eps, float wd, float c1, float c2) {
    float gw = g + wd * *w;
    float mn = b1 * *m + (1.0f - b1) * gw;
    float vn = b2 * *v + (1.0f - b2) * gw * gw;
    *m = mn;
    *v = vn;
    float mhat = mn / c1;
    float vhat = vn / c2;
    *w -= lr * mhat / (sqrtf(vhat) + eps);
}

/* ----------------------------------------------------------- windows: conv and pool --- */
/* Geometry and per-element rules of im2col, col2im and max-pooling (NCHW planes, square window
 * k, stride s, zero padding p). The GPU computes every output element by gathering (one thread
 * each, no atomics); the CPU walks contiguous rows and, for the sums, scatters plane by plane.
 * Both add the terms of each sum in the same order, so they give the same bits: window offset
 * (ky, kx) ascending for col2im, window position (oy, ox) ascending for the pooling gradient.
 * (The Java reference sums in double, the textbook way, so it checks these rather than repeating them.) */

/* Window positions along an axis of `in` pixels (Java checks that the window fits). */
IBINIT_HD int ibinit_window_positions(int in, int k, int s, int p) { return (in + 2 * p - k) / s + 1; }

/* Window positions [*first, *end) among 0 .. count-1 whose pixel at `offset` inside the window,
 * o*s - p + offset, lies in 0 .. in-1: the run the CPU copies or adds without bounds checks. */
IBINIT_HD void ibinit_window_span(int in, int s, int p, int offset, int count, int *first, int *end) {
    int lo = p - offset;          /* o*s >= lo */
    int hi = in - 1 + p - offset; /* o*s <= hi */
    int f = lo <= 0 ? 0 : (lo + s - 1) / s;
    int e = hi < 0 ? 0 : hi / s + 1;
    if (e > count) e = count;
    *first = f < e ? f : e;
    *end = e;
}

/* Window positions [*first, *end) along one axis whose span covers input coordinate `at`:
 * o*s - p <= at <= o*s - p + k - 1 and 0 <= o < count. */
IBINIT_HD void ibinit_windows_covering(int at, int k, int s, int p, int count, int *first, int *end) {
    int hi = at + p;      /* o*s <= hi */
    int lo = hi - k + 1;  /* o*s >= lo */
    int f = lo <= 0 ? 0 : (lo + s - 1) / s;
    int e = hi / s + 1;
    *first = f;
    *end = e < count ? e : count;
}

/* im2col: the pixel under offset (ky, kx) of window (oy, ox) of an h x w plane, 0 in the padding. */
IBINIT_HD float ibinit_im2col_at(const float *plane, int h, int w, int s, int p, int ky, int kx, int oy, int ox) {
    int y = oy * s - p + ky, x = ox * s - p + kx;
    return (y >= 0 && y < h && x >= 0 && x < w) ? plane[(int64_t)y * w + x] : 0.0f;
}

/* col2im: pixel (y, x) of channel ch is the sum of the entries im2col copied from it, added in
 * (ky, kx) ascending order (window positions descending). cols points at one image's
 * [c*k*k, oh*ow] block. */
IBINIT_HD float ibinit_col2im_at(const float *cols, int ch, int k, int s, int p, int oh, int ow, int y, int x) {
    int oy0, oy1, ox0, ox1;
    ibinit_windows_covering(y, k, s, p, oh, &oy0, &oy1);
    ibinit_windows_covering(x, k, s, p, ow, &ox0, &ox1);
    int64_t positions = (int64_t)oh * ow;
    float sum = 0.0f;
    for (int oy = oy1 - 1; oy >= oy0; oy--) {
        int ky = y + p - oy * s;
        for (int ox = ox1 - 1; ox >= ox0; ox--) {
            int kx = x + p - ox * s;
            sum += cols[((int64_t)(ch * k + ky) * k + kx) * positions + (int64_t)oy * ow + ox];
        }
    }
    return sum;
}

/* Max over window (oy, ox) of an h x w plane; *arg receives the winner's index y*w + x.
 * Padding is skipped (it never wins); the first maximum wins ties; the first NaN wins over any
 * number, so a NaN input shows in the output as in PyTorch. */
IBINIT_HD float ibinit_max_pool_at(const float *plane, int h, int w, int k, int s, int p, int oy, int ox,
                                   int32_t *arg) {
    int y0 = oy * s - p, x0 = ox * s - p;
    float best = -INFINITY;
    int32_t at = -1;
    for (int y = y0 < 0 ? 0 : y0; y < y0 + k && y < h; y++) {
        for (int x = x0 < 0 ? 0 : x0; x < x0 + k && x < w; x++) {
            float v = plane[(int64_t)y * w + x];
            if (at < 0 || v > best || (v != v && best == best)) {
                best = v;
                at = y * w + x;
            }
        }
    }
    *arg = at;
    return best;
}

/* Max-pool backward at pixel (y, x): the sum of dy over the windows that chose it, in (oy, ox)
 * ascending order. */
IBINIT_HD float ibinit_max_pool_grad_at(const float *dy, const int32_t *arg, int w, int k, int s, int p,
                                        int oh, int ow, int y, int x) {
    int oy0, oy1, ox0, ox1;
    ibinit_windows_covering(y, k, s, p, oh, &oy0, &oy1);
    ibinit_windows_covering(x, k, s, p, ow, &ox0, &ox1);
    int32_t self = y * w + x;
    float sum = 0.0f;
    for (int oy = oy0; oy < oy1; oy++) {
        for (int ox = ox0; ox < ox1; ox++) {
            int64_t o = (int64_t)oy * ow + ox;
            if (arg[o] == self) sum += dy[o];
        }
    }
    return sum;
}

#endif
