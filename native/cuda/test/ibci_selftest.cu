// Standalone check of the CUDA neuron-campaign kernels (native/cuda/ibci.cu) against plain host
// versions of the same rules (ibinit.backend.ref.GreedySelection, ClassMoments), for machines with
// a GPU but no JDK. Build and run from the repository root:
//   nvcc -O2 -std=c++17 -fmad=false -Inative/include native/cuda/runtime.cu native/cuda/cublas.cu \
//        native/cuda/ibci.cu native/cuda/test/ibci_selftest.cu -o /tmp/ibci_selftest -ldl && /tmp/ibci_selftest
#include "ibinit.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>
#include <random>
#include <vector>

static int failures = 0;

#define CHECK(cond, ...) do { if (!(cond)) { failures++; printf("FAIL: " __VA_ARGS__); printf("\n"); } } while (0)

// ---- host reference of the greedy rule (a line-for-line port of GreedySelection.java) ----
static double dotf(const float *a, const float *b, int n) { double s = 0; for (int e = 0; e < n; e++) s += (double)a[e] * b[e]; return s; }
static double dotd(const std::vector<double> &a, const std::vector<double> &b) { double s = 0; for (size_t e = 0; e < a.size(); e++) s += a[e] * b[e]; return s; }

static std::vector<double> residual(const float *w, int d, const std::vector<std::vector<double>> &basis, int n) {
    std::vector<double> v(w, w + d);
    for (int pass = 0; pass < 2; pass++) {
        std::vector<double> c(n);
        for (int s = 0; s < n; s++) c[s] = dotd(basis[s], v);
        for (int s = 0; s < n; s++) for (int e = 0; e < d; e++) v[e] -= c[s] * basis[s][e];
    }
    return v;
}

static std::vector<int> reference_select(const std::vector<float> &w, int k, int d, const std::vector<double> &scores, int count) {
    const double EX = IBINIT_GREEDY_EXHAUSTED, TOL = IBINIT_GREEDY_RECOMPUTE_TOL;
    std::vector<double> orig2(k), res2(k), exact2(k);
    std::vector<char> open(k);
    for (int j = 0; j < k; j++) { orig2[j] = res2[j] = exact2[j] = dotf(&w[(size_t)j * d], &w[(size_t)j * d], d); open[j] = orig2[j] > 0; }
    std::vector<std::vector<double>> basis;
    std::vector<int> chosen;
    while ((int)chosen.size() < count && (int)chosen.size() < d) {
        int best = -1; double bv = 0;
        for (int j = 0; j < k; j++) {
            if (!open[j]) continue;
            double v = scores[j] * std::sqrt(res2[j] / orig2[j]);
            if (best < 0 || v > bv) { best = j; bv = v; }
        }
        if (best < 0) break;
        open[best] = 0;
        std::vector<double> a = residual(&w[(size_t)best * d], d, basis, (int)basis.size());
        double n2 = dotd(a, a);
        if (n2 <= EX * EX * orig2[best]) continue;
        for (double &x : a) x /= std::sqrt(n2);
        basis.push_back(a);
        chosen.push_back(best);
        for (int j = 0; j < k; j++) {
            if (!open[j]) continue;
            double p = 0;
            for (int e = 0; e < d; e++) p += a[e] * w[(size_t)j * d + e];
            double down = res2[j] - p * p;
            if (down <= TOL * exact2[j]) {
                std::vector<double> r = residual(&w[(size_t)j * d], d, basis, (int)basis.size());
                down = dotd(r, r);
                exact2[j] = down;
                if (down <= EX * EX * orig2[j]) open[j] = 0;
            }
            res2[j] = down;
        }
    }
    return chosen;
}

static std::vector<int> device_select(const std::vector<float> &w, int k, int d, const std::vector<double> &scores, int count, double *ms) {
    float *dw = nullptr;
    cudaMalloc(&dw, sizeof(float) * w.size());
    cudaMemcpy(dw, w.data(), sizeof(float) * w.size(), cudaMemcpyHostToDevice);
    std::vector<int32_t> chosen(count);
    int32_t found = 0;
    auto t0 = std::chrono::steady_clock::now();
    int status = ibinit_greedy_select(k, d, dw, scores.data(), count, chosen.data(), &found);
    auto t1 = std::chrono::steady_clock::now();
    if (ms) *ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    CHECK(status == 0, "greedy_select status %d: %s", status, ibinit_last_error());
    cudaFree(dw);
    return std::vector<int>(chosen.begin(), chosen.begin() + found);
}

static void greedy_case(std::mt19937_64 &rng, int k, int d, int count, int mode) {
    std::normal_distribution<double> g;
    std::uniform_real_distribution<double> u;
    std::vector<float> w((size_t)k * d);
    for (float &x : w) x = (float)g(rng);
    if (mode == 1) { // nearly parallel candidates around 4 directions
        for (int j = 4; j < k; j++) for (int e = 0; e < d; e++) w[(size_t)j * d + e] = w[(size_t)(j % 4) * d + e] + 1e-3f * w[(size_t)j * d + e];
    }
    if (mode == 2 && k > 3) { // a duplicate and a zero row
        for (int e = 0; e < d; e++) { w[(size_t)1 * d + e] = w[e]; w[(size_t)2 * d + e] = 0; }
    }
    std::vector<double> s(k);
    for (int j = 0; j < k; j++) s[j] = mode == 2 ? -u(rng) : u(rng) - 0.3;
    std::vector<int> want = reference_select(w, k, d, s, count), got = device_select(w, k, d, s, count, nullptr);
    bool same = want == got;
    CHECK(same, "greedy k=%d d=%d count=%d mode=%d: %zu picks vs %zu reference", k, d, count, mode, got.size(), want.size());
}

static void moments_case(std::mt19937_64 &rng, int rows, int cols, int classes) {
    std::normal_distribution<double> g;
    std::vector<float> z((size_t)rows * cols);
    std::vector<int32_t> y(rows);
    for (float &x : z) x = (float)(3 + 2 * g(rng));
    for (int32_t &c : y) c = (int32_t)(rng() % classes);
    std::vector<double> ws(classes * (size_t)cols, 0), wq(ws), gs(ws.size(), 1.0), gq(ws.size(), 2.0); // device results add to 1 and 2
    for (int r = 0; r < rows; r++) for (int j = 0; j < cols; j++) { double v = z[(size_t)r * cols + j]; ws[(size_t)y[r] * cols + j] += v; wq[(size_t)y[r] * cols + j] += v * v; }
    float *dz; int32_t *dy;
    cudaMalloc(&dz, sizeof(float) * z.size());
    cudaMalloc(&dy, sizeof(int32_t) * rows);
    cudaMemcpy(dz, z.data(), sizeof(float) * z.size(), cudaMemcpyHostToDevice);
    cudaMemcpy(dy, y.data(), sizeof(int32_t) * rows, cudaMemcpyHostToDevice);
    int status = ibinit_class_column_moments(rows, cols, dz, dy, classes, gs.data(), gq.data());
    CHECK(status == 0, "class moments status %d: %s", status, ibinit_last_error());
    double worst = 0;
    for (size_t i = 0; i < ws.size(); i++) {
        worst = std::fmax(worst, std::fabs(gs[i] - 1.0 - ws[i]) / (1 + std::fabs(wq[i])));
        worst = std::fmax(worst, std::fabs(gq[i] - 2.0 - wq[i]) / (1 + wq[i]));
    }
    CHECK(worst < 1e-12, "class moments %dx%d, %d classes: relative error %.3g", rows, cols, classes, worst);
    y[rows / 2] = classes; // out of range: status 2, nothing added
    cudaMemcpy(dy, y.data(), sizeof(int32_t) * rows, cudaMemcpyHostToDevice);
    std::vector<double> before = gs;
    CHECK(ibinit_class_column_moments(rows, cols, dz, dy, classes, gs.data(), gq.data()) == 2, "a bad label gives status 2");
    CHECK(before == gs, "a bad label changes nothing");
    cudaFree(dz);
    cudaFree(dy);
}

int main() {
    char reason[256];
    if (ibinit_probe(reason, sizeof reason) != 0) { printf("no CUDA device: %s\n", reason); return 1; }
    std::mt19937_64 rng(12345);
    int shapes[][3] = {{1, 1, 1}, {50, 20, 10}, {64, 17, 30}, {300, 100, 60}, {40, 8, 8}, {9, 300, 9}, {30, 6, 20}, {1000, 120, 100}};
    for (auto &s : shapes) for (int mode = 0; mode < 3; mode++) greedy_case(rng, s[0], s[1], s[2], mode);
    for (int trial = 0; trial < 30; trial++) greedy_case(rng, 1 + (int)(rng() % 80), 1 + (int)(rng() % 40), 1 + (int)(rng() % 85), trial % 3);
    int mshapes[][3] = {{1, 1, 1}, {7, 13, 3}, {300, 65, 10}, {1000, 3, 12}, {20000, 257, 10}, {60000, 1000, 10}};
    for (auto &s : mshapes) moments_case(rng, s[0], s[1], s[2]);

    // timing: 512 of 4,096 candidates of dimension 1,000 (picks checked against the host rule)
    std::normal_distribution<double> g;
    std::uniform_real_distribution<double> u(0.5, 1.5);
    int k = 4096, d = 1000, count = 512;
    std::vector<float> w((size_t)k * d);
    for (float &x : w) x = (float)(g(rng) / std::sqrt((double)d));
    std::vector<double> s(k);
    for (double &x : s) x = u(rng);
    double ms = 0, best = 1e30;
    std::vector<int> got;
    for (int rep = 0; rep < 4; rep++) { got = device_select(w, k, d, s, count, &ms); best = std::fmin(best, ms); }
    printf("greedy_select 512 of 4096 x 1000 on the GPU: %.1f ms (best of 4)\n", best);
    CHECK(got == reference_select(w, k, d, s, count), "large selection differs from the host rule");
    printf(failures ? "%d FAILURES\n" : "all ibci CUDA checks passed\n", failures);
    return failures ? 1 : 0;
}
