/*
 * Standalone check of libibinit_cpu.so against naive double-precision loops (run by CTest:
 * `ctest --test-dir BUILD`). Not the real test suite (the Java tests compare every backend
 * with the Java reference); this catches a broken kernel before Java is involved.
 * Exit status 0 when every check passes.
 */
#include "ibinit.h"
#include "ibinit_scalar.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

#define CHECK(cond, ...)                                  \
    do {                                                  \
        if (!(cond)) {                                    \
            failures++;                                   \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);   \
            printf(__VA_ARGS__);                          \
            printf("\n");                                 \
        }                                                 \
    } while (0)

/* Uniform floats in [lo, hi) from the library's own stream (seed, stream). */
static float *randu(int64_t n, uint32_t stream, float lo, float hi) {
    float *x = ibinit_alloc(n * 4);
    ibinit_fill_uniform(x, n, 1234, stream, 0, lo, hi);
    return x;
}

static double rel(double got, double want) {
    double d = fabs(got - want), s = fabs(want);
    return s > 1e-30 ? d / s : d;
}

static void test_gemm(void) {
    const int shapes[][3] = {{1, 1, 1}, {7, 5, 3}, {64, 33, 17}, {128, 512, 784}, {10, 128, 512}};
    for (size_t si = 0; si < sizeof shapes / sizeof shapes[0]; si++) {
        int m = shapes[si][0], n = shapes[si][1], k = shapes[si][2];
        for (int ta = 0; ta < 2; ta++)
            for (int tb = 0; tb < 2; tb++) {
                /* Stored A is m x k (or k x m), B k x n (or n x k), with padded leading dims. */
                int ra = ta ? k : m, ca = ta ? m : k, rb = tb ? n : k, cb = tb ? k : n;
                int lda = ca + 3, ldb = cb + 1, ldc = n + 2;
                float *a = randu((int64_t)ra * lda, 1, -1, 1), *b = randu((int64_t)rb * ldb, 2, -1, 1);
                float *c = randu((int64_t)m * ldc, 3, -1, 1);
                float *c0 = malloc(sizeof(float) * m * ldc);
                memcpy(c0, c, sizeof(float) * m * ldc);
                float alpha = 0.75f, beta = -0.5f;
                CHECK(ibinit_gemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) == 0, "gemm rc");
                double worst = 0;
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++) {
                        double s = 0, sabs = 0;
                        for (int p = 0; p < k; p++) {
                            double av = ta ? a[(int64_t)p * lda + i] : a[(int64_t)i * lda + p];
                            double bv = tb ? b[(int64_t)j * ldb + p] : b[(int64_t)p * ldb + j];
                            s += av * bv;
                            sabs += fabs(av * bv);
                        }
                        double want = alpha * s + beta * c0[(int64_t)i * ldc + j];
                        double err = fabs(c[(int64_t)i * ldc + j] - want) / (fabs(alpha) * sabs + fabs(beta * c0[(int64_t)i * ldc + j]) + 1e-30);
                        if (err > worst) worst = err;
                    }
                CHECK(worst < 1e-5, "gemm %dx%dx%d ta=%d tb=%d error %g", m, n, k, ta, tb, worst);
                /* the padding columns of C are untouched */
                for (int i = 0; i < m; i++)
                    for (int j = n; j < ldc; j++)
                        CHECK(c[(int64_t)i * ldc + j] == c0[(int64_t)i * ldc + j], "gemm wrote padding");
                ibinit_free(a); ibinit_free(b); ibinit_free(c); free(c0);
            }
    }
    /* k == 0: C = beta C, and beta == 0 clears NaN */
    float c[6] = {1, 2, 3, NAN, 5, 6};
    CHECK(ibinit_gemm(0, 0, 2, 3, 0, 1.0f, NULL, 0, NULL, 3, 2.0f, c, 3) == 0, "gemm k=0 rc");
    CHECK(c[0] == 2 && c[5] == 12, "gemm k=0 beta");
    CHECK(ibinit_gemm(0, 0, 2, 3, 0, 1.0f, NULL, 0, NULL, 3, 0.0f, c, 3) == 0 && c[3] == 0, "gemm k=0 beta=0");
}

static void test_blas1_rows(void) {
    const int64_t n = 300001;
    float *x = randu(n, 4, -2, 2), *y = randu(n, 5, -2, 2), *y0 = malloc(n * 4);
    memcpy(y0, y, n * 4);
    ibinit_axpy(n, 0.3f, x, y);
    int bad = 0;
    for (int64_t i = 0; i < n; i++) bad += y[i] != y0[i] + 0.3f * x[i];
    CHECK(bad == 0, "axpy: %d elements differ", bad);
    ibinit_scale(n, -1.5f, y);
    bad = 0;
    for (int64_t i = 0; i < n; i++) bad += y[i] != -1.5f * (y0[i] + 0.3f * x[i]);
    CHECK(bad == 0, "scale: %d elements differ", bad);

    const int shapes[][2] = {{1, 1}, {3, 7}, {128, 512}, {1000, 300}, {5000, 10}, {257, 1000}};
    for (size_t si = 0; si < sizeof shapes / sizeof shapes[0]; si++) {
        int rows = shapes[si][0], cols = shapes[si][1];
        float *m = randu((int64_t)rows * cols, 6, -3, 3), *bias = randu(cols, 7, -1, 1);
        float *m0 = malloc(sizeof(float) * rows * cols);
        memcpy(m0, m, sizeof(float) * rows * cols);
        ibinit_add_bias(rows, cols, m, bias);
        bad = 0;
        for (int64_t i = 0; i < (int64_t)rows * cols; i++) bad += m[i] != m0[i] + bias[i % cols];
        CHECK(bad == 0, "add_bias %dx%d", rows, cols);

        float *sums = malloc(sizeof(float) * cols);
        ibinit_column_sums(rows, cols, m0, sums);
        double worst = 0;
        for (int c = 0; c < cols; c++) {
            double s = 0, sa = 0;
            for (int r = 0; r < rows; r++) { s += m0[(int64_t)r * cols + c]; sa += fabs(m0[(int64_t)r * cols + c]); }
            double e = fabs(sums[c] - s) / (sa + 1e-30);
            if (e > worst) worst = e;
        }
        CHECK(worst < 1e-7, "column_sums %dx%d error %g", rows, cols, worst);

        float *lse = malloc(sizeof(float) * rows);
        ibinit_logsumexp_rows(rows, cols, m0, lse);
        worst = 0;
        for (int r = 0; r < rows; r++) {
            double mx = -INFINITY, s = 0;
            for (int c = 0; c < cols; c++) mx = fmax(mx, m0[(int64_t)r * cols + c]);
            for (int c = 0; c < cols; c++) s += exp(m0[(int64_t)r * cols + c] - mx);
            double want = mx + log(s), e = fabs(lse[r] - want) / fmax(1.0, fabs(want));
            if (e > worst) worst = e;
        }
        CHECK(worst < 5e-7, "logsumexp_rows %dx%d error %g", rows, cols, worst);
        ibinit_free(m); ibinit_free(bias); free(m0); free(sums); free(lse);
    }
    float big[4] = {1e30f, -1e30f, 1e30f, 3e30f}, out[2];
    ibinit_logsumexp_rows(2, 2, big, out);
    CHECK(out[0] == 1e30f && out[1] == 3e30f, "logsumexp huge: %g %g", out[0], out[1]);
    float inf[2] = {-INFINITY, -INFINITY};
    ibinit_logsumexp_rows(1, 2, inf, out);
    CHECK(isinf(out[0]) && out[0] < 0, "logsumexp all -inf: %g", out[0]);
    ibinit_free(x); ibinit_free(y); free(y0);
}

static void test_moments(void) {
    const int shapes[][2] = {{1, 3}, {2, 1}, {9, 13}, {128, 512}, {1000, 300}, {10000, 512}, {60000, 10}, {300, 2000}};
    const float offsets[] = {0.0f, 1e4f};
    for (size_t si = 0; si < sizeof shapes / sizeof shapes[0]; si++)
        for (int oi = 0; oi < 2; oi++)
            for (int ddof = 0; ddof <= 1; ddof++) {
                int rows = shapes[si][0], cols = shapes[si][1];
                if (rows - ddof <= 0) continue;
                int64_t n = (int64_t)rows * cols;
                float *x = ibinit_alloc(n * 4);
                /* column c: offset + c, spread 0.01 (so |mean| / std is up to 1e6) */
                ibinit_fill_normal(x, n, 99, 1, 0, 0.0f, 0.01f);
                for (int64_t i = 0; i < n; i++) x[i] += offsets[oi] + (float)(i % cols);
                double *mean = malloc(8 * cols), *var = malloc(8 * cols), trace;
                CHECK(ibinit_column_mean_var(rows, cols, x, ddof, mean, var) == 0, "mean_var rc");
                CHECK(ibinit_covariance_trace(rows, cols, x, ddof, &trace) == 0, "trace rc");
                double worst_m = 0, worst_v = 0, tsum = 0, want_t = 0;
                for (int c = 0; c < cols; c++) {
                    double s = 0;
                    for (int r = 0; r < rows; r++) s += x[(int64_t)r * cols + c];
                    double mu = s / rows, q = 0;
                    for (int r = 0; r < rows; r++) { double d = x[(int64_t)r * cols + c] - mu; q += d * d; }
                    double v = q / (rows - ddof);
                    worst_m = fmax(worst_m, rel(mean[c], mu));
                    worst_v = fmax(worst_v, rows > 1 ? rel(var[c], v) : fabs(var[c]));
                    tsum += var[c];
                    want_t += v;
                }
                CHECK(worst_m < 1e-12 && worst_v < 1e-9, "mean_var %dx%d offset %g ddof %d: mean err %g var err %g",
                      rows, cols, offsets[oi], ddof, worst_m, worst_v);
                CHECK(trace == tsum, "trace %.17g != sum of variances %.17g", trace, tsum);
                CHECK(rel(trace, want_t) < 1e-9 || (want_t == 0 && trace == 0), "trace %dx%d err %g", rows, cols, rel(trace, want_t));
                /* independent of the thread count */
                int t = ibinit_get_threads();
                ibinit_set_threads(t == 1 ? 2 : 1);
                double trace2;
                ibinit_covariance_trace(rows, cols, x, ddof, &trace2);
                ibinit_set_threads(t);
                CHECK(trace2 == trace, "trace depends on threads: %.17g vs %.17g", trace, trace2);
                ibinit_free(x); free(mean); free(var);
            }
    double tr;
    float one[3] = {1, 2, 3};
    CHECK(ibinit_covariance_trace(1, 3, one, 1, &tr) != 0 && strlen(ibinit_last_error()) > 0, "ddof=rows must fail");
}

static void test_activations(void) {
    const int64_t n = 100003;
    float *x = randu(n, 8, -6, 6), *y = malloc(n * 4), *dy = randu(n, 9, -1, 1), *dx = malloc(n * 4);
    for (int kind = 0; kind <= 4; kind++) {
        float param = 0.1f;
        CHECK(ibinit_activation(kind, param, n, x, y) == 0, "act rc");
        CHECK(ibinit_activation_backward(kind, param, n, x, y, dy, dx) == 0, "act bwd rc");
        double worst = 0, worst_g = 0;
        for (int64_t i = 0; i < n; i++) {
            double v = x[i], f, g;
            switch (kind) {
                case 1: f = v > 0 ? v : 0; g = v > 0; break;
                case 2: f = v > 0 ? v : param * v; g = v > 0 ? 1 : param; break;
                case 3: f = tanh(v); g = 1 - (double)y[i] * y[i]; break; /* the rule uses the float output */
                case 4: f = 1 / (1 + exp(-v)); g = (double)y[i] * (1 - (double)y[i]); break;
                default: f = v; g = 1;
            }
            worst = fmax(worst, fabs(y[i] - f) / fmax(fabs(f), 1e-3));
            /* f'(x) in [0, 1] is formed in float from y: absolute error ~1e-7 relative to |dy| */
            worst_g = fmax(worst_g, fabs(dx[i] - dy[i] * g) / fmax(fabs(dy[i]), 1e-3));
        }
        CHECK(worst < 1e-6 && worst_g < 1e-6, "activation %d: forward err %g backward err %g", kind, worst, worst_g);
    }
    /* in place: y = x, dx = dy */
    float *xc = malloc(n * 4);
    memcpy(xc, x, n * 4);
    ibinit_activation(IBINIT_ACT_TANH, 0, n, xc, xc);
    ibinit_activation(IBINIT_ACT_TANH, 0, n, x, y);
    CHECK(memcmp(xc, y, n * 4) == 0, "activation in place differs");
    CHECK(ibinit_activation(99, 0, n, x, y) != 0, "unknown activation accepted");
    ibinit_free(x); free(y); ibinit_free(dy); free(dx); free(xc);
}

static void test_loss(void) {
    const int shapes[][2] = {{1, 1}, {3, 10}, {128, 10}, {10000, 10}, {64, 1000}};
    for (size_t si = 0; si < sizeof shapes / sizeof shapes[0]; si++) {
        int rows = shapes[si][0], cols = shapes[si][1];
        float *lg = randu((int64_t)rows * cols, 10, -20, 20), *grad = malloc(sizeof(float) * rows * cols);
        int32_t *lab = malloc(4 * rows);
        for (int r = 0; r < rows; r++) lab[r] = (r * 7) % cols;
        double loss;
        CHECK(ibinit_softmax_xent(rows, cols, lg, lab, grad, &loss) == 0, "xent rc");
        double want = 0, worst = 0;
        for (int r = 0; r < rows; r++) {
            const float *row = lg + (int64_t)r * cols;
            double mx = -INFINITY, s = 0;
            for (int c = 0; c < cols; c++) mx = fmax(mx, row[c]);
            for (int c = 0; c < cols; c++) s += exp(row[c] - mx);
            want += mx + log(s) - row[lab[r]];
            for (int c = 0; c < cols; c++) {
                double g = (exp(row[c] - mx) / s - (c == lab[r])) / rows;
                worst = fmax(worst, fabs(grad[(int64_t)r * cols + c] - g) * rows);
            }
        }
        want /= rows;
        CHECK(rel(loss, want) < 1e-6, "xent %dx%d loss %.10g want %.10g", rows, cols, loss, want);
        CHECK(worst < 1e-6, "xent %dx%d grad err %g", rows, cols, worst);
        double loss2;
        CHECK(ibinit_softmax_xent(rows, cols, lg, lab, NULL, &loss2) == 0 && loss2 == loss, "xent without grad");
        ibinit_free(lg); free(grad); free(lab);
    }
    float huge[4] = {1e30f, 0, -1e30f, 5e29f};
    int32_t lab[2] = {1, 0};
    double loss;
    float g[4];
    ibinit_softmax_xent(2, 2, huge, lab, g, &loss);
    CHECK(fabs(loss - (1e30 + 1.5e30) / 2) / 1.25e30 < 1e-6 && isfinite(g[0]), "xent huge: %g", loss);
    int32_t badlab[2] = {0, 2};
    CHECK(ibinit_softmax_xent(2, 2, huge, badlab, NULL, &loss) != 0 && strstr(ibinit_last_error(), "row 1"),
          "bad label accepted or badly reported: %s", ibinit_last_error());
}

static void test_optim(void) {
    const int64_t n = 70001;
    float *w = randu(n, 11, -1, 1), *g = randu(n, 12, -1, 1), *v = randu(n, 13, -1, 1), *m = randu(n, 14, -1, 1);
    float *v2 = randu(n, 15, 0, 1);
    float *w0 = malloc(n * 4), *v0 = malloc(n * 4), *m0 = malloc(n * 4), *vv0 = malloc(n * 4);
    for (int nest = 0; nest < 2; nest++) {
        memcpy(w0, w, n * 4); memcpy(v0, v, n * 4);
        ibinit_sgd_momentum(n, w, g, v, 0.1f, 0.9f, 1e-4f, nest);
        int bad = 0;
        for (int64_t i = 0; i < n; i++) {
            float ww = w0[i], vv = v0[i];
            ibinit_sgd_step(&ww, g[i], &vv, 0.1f, 0.9f, 1e-4f, nest);
            bad += ww != w[i] || vv != v[i];
        }
        CHECK(bad == 0, "sgd nesterov=%d: %d differ", nest, bad);
    }
    memcpy(w0, w, n * 4); memcpy(m0, m, n * 4); memcpy(vv0, v2, n * 4);
    ibinit_adam(n, w, g, m, v2, 1e-3f, 0.9f, 0.999f, 1e-8f, 0.01f, 7);
    float c1 = (float)(1 - pow(0.9f, 7)), c2 = (float)(1 - pow(0.999f, 7));
    int bad = 0;
    for (int64_t i = 0; i < n; i++) {
        float ww = w0[i], mm = m0[i], vv = vv0[i];
        ibinit_adam_step(&ww, g[i], &mm, &vv, 1e-3f, 0.9f, 0.999f, 1e-8f, 0.01f, c1, c2);
        bad += ww != w[i] || mm != m[i] || vv != v2[i];
    }
    CHECK(bad == 0, "adam: %d differ", bad);
    ibinit_free(w); ibinit_free(g); ibinit_free(v); ibinit_free(m); ibinit_free(v2);
    free(w0); free(v0); free(m0); free(vv0);
}

static void test_random(void) {
    const int64_t n = 1000000;
    float *x = ibinit_alloc(n * 4);
    ibinit_fill_normal(x, n, 42, 0, 0, 0.0f, 1.0f);
    double s = 0, q = 0;
    for (int64_t i = 0; i < n; i++) { s += x[i]; q += (double)x[i] * x[i]; }
    double mean = s / n, var = q / n - mean * mean;
    printf("fill_normal seed 42 stream 0: mean %.5f var %.5f, x[0..3] = %.9g %.9g %.9g %.9g\n", mean, var, x[0], x[1], x[2], x[3]);
    CHECK(fabs(mean) < 5e-3 && fabs(var - 1) < 1e-2, "normal moments %g %g", mean, var);
    /* slices and thread counts give the same values */
    float *y = ibinit_alloc(1000 * 4);
    ibinit_fill_normal(y, 1000, 42, 0, 500000, 0.0f, 1.0f);
    CHECK(memcmp(y, x + 500000, 1000 * 4) == 0, "normal slice differs");
    int t = ibinit_get_threads();
    ibinit_set_threads(t == 1 ? 2 : 1);
    float *z = ibinit_alloc(n * 4);
    ibinit_fill_normal(z, n, 42, 0, 0, 0.0f, 1.0f);
    ibinit_set_threads(t);
    CHECK(memcmp(z, x, n * 4) == 0, "normal depends on threads");
    for (int64_t i = 0; i < n; i++)
        if (x[i] != ibinit_normal_at(42, 0, (uint64_t)i, 0.0f, 1.0f)) { CHECK(0, "normal element %lld", (long long)i); break; }

    ibinit_fill_uniform(x, n, 7, 3, 11, -2.0f, 3.0f);
    float lo = 1e9f, hi = -1e9f;
    s = 0;
    for (int64_t i = 0; i < n; i++) { lo = fminf(lo, x[i]); hi = fmaxf(hi, x[i]); s += x[i]; }
    CHECK(lo >= -2.0f && hi < 3.0f && fabs(s / n - 0.5) < 1e-2, "uniform range [%g, %g] mean %g", lo, hi, s / n);
    CHECK(x[5] == ibinit_uniform_at(7, 3, 16, -2.0f, 3.0f), "uniform element");

    ibinit_fill_truncated_normal(x, n, 5, 1, 0, 0.0f, 1.0f, -2.0f, 2.0f);
    lo = 1e9f; hi = -1e9f; s = 0; q = 0;
    for (int64_t i = 0; i < n; i++) { lo = fminf(lo, x[i]); hi = fmaxf(hi, x[i]); s += x[i]; q += (double)x[i] * x[i]; }
    /* variance of N(0,1) truncated to [-2, 2]: 1 - 4 phi(2) / (2 Phi(2) - 1) = 0.773741 */
    CHECK(lo >= -2.0f && hi <= 2.0f && fabs(s / n) < 5e-3 && fabs(q / n - 0.773741) < 5e-3,
          "truncated normal [%g, %g] mean %g var %g", lo, hi, s / n, q / n);
    CHECK(x[123] == ibinit_truncated_normal_at(5, 1, 123, 0.0f, 1.0f, -2.0f, 2.0f), "truncated element");

    /* Random123's known answers for Philox-4x32-10 */
    uint32_t kc[4] = {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, kk[2] = {0xa4093822, 0x299f31d0}, ko[4];
    ibinit_philox4x32_10(kc, kk, ko);
    CHECK(ko[0] == 0xd16cfe09 && ko[1] == 0x94fdcceb && ko[2] == 0x5001e420 && ko[3] == 0x24126ea1, "philox KAT");
    uint32_t blocks[8], b1[4];
    ibinit_philox_blocks(42, 0, 9, 2, blocks);
    ibinit_philox_block(42, 0, 10, 0, b1);
    CHECK(memcmp(blocks + 4, b1, 16) == 0, "philox_blocks");
    ibinit_free(x); ibinit_free(y); ibinit_free(z);
}

int main(void) {
    char reason[128];
    if (ibinit_probe(reason, sizeof reason) != 0) {
        printf("probe failed: %s\n", reason);
        return 1;
    }
    for (int threads = 1; threads <= 2; threads++) {
        ibinit_set_threads(threads);
        printf("threads %d\n", threads);
        test_gemm();
        test_blas1_rows();
        test_moments();
        test_activations();
        test_loss();
        test_optim();
        test_random();
    }
    printf(failures ? "%d FAILED\n" : "all passed\n", failures);
    return failures ? 1 : 0;
}
