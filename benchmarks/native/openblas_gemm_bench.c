/*
 * The plain-C baseline for the Java FFM benchmarks: the same work without the JVM in between.
 *
 *   openblas_gemm_bench M N K [transA transB] [reps]
 *       C[MxN] = A op B with cblas_sgemm (row-major, alpha 1, beta 0); prints the median GFLOP/s
 *       (and time) over reps timed calls after warm-up. Threads: OPENBLAS_NUM_THREADS.
 *   openblas_gemm_bench covtrace ROWS COLS [reps] [threads] [library]
 *       times ibinit_covariance_trace (ddof 1) of libibinit_cpu.so (default: the path in
 *       IBINIT_CPU_LIB, else ./libibinit_cpu.so), opened with dlopen. "hot": the same matrix every
 *       call (it may sit in the L3 cache); "cold": calls rotate over enough copies to exceed
 *       the last-level cache, so each call reads DRAM.
 */
#define _GNU_SOURCE
#include <cblas.h>
#include <dlfcn.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static float *random_matrix(int64_t n, unsigned seed, float offset) {
    float *x = aligned_alloc(64, (size_t)((n * 4 + 63) / 64 * 64));
    if (!x) { perror("alloc"); exit(1); }
    srand(seed);
    for (int64_t i = 0; i < n; i++) x[i] = offset + (float)rand() / RAND_MAX - 0.5f;
    return x;
}

static int gemm_bench(int argc, char **argv) {
    int m = atoi(argv[1]), n = atoi(argv[2]), k = atoi(argv[3]);
    int ta = 0, tb = 0, reps = 0;
    if (argc >= 6) { ta = atoi(argv[4]); tb = atoi(argv[5]); }
    if (argc >= 7) reps = atoi(argv[6]);
    if (m <= 0 || n <= 0 || k <= 0) { fprintf(stderr, "M N K must be positive\n"); return 2; }
    float *a = random_matrix((int64_t)m * k, 1, 0), *b = random_matrix((int64_t)k * n, 2, 0);
    float *c = random_matrix((int64_t)m * n, 3, 0);
    int lda = ta ? m : k, ldb = tb ? k : n;
    double flop = 2.0 * m * n * k;
    /* warm-up: at least 0.3 s or 5 calls, which also sizes reps to ~2 s when not given */
    int warm = 0;
    double t0 = now();
    while (warm < 5 || now() - t0 < 0.3) {
        cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                    m, n, k, 1.0f, a, lda, b, ldb, 0.0f, c, n);
        warm++;
    }
    double per_call = (now() - t0) / warm;
    if (reps <= 0) reps = (int)fmin(fmax(2.0 / per_call, 11), 100000);
    double *t = malloc(sizeof(double) * reps);
    for (int r = 0; r < reps; r++) {
        double s = now();
        cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                    m, n, k, 1.0f, a, lda, b, ldb, 0.0f, c, n);
        t[r] = now() - s;
    }
    double best = t[0];
    for (int r = 1; r < reps; r++) best = fmin(best, t[r]);
    double med = median(t, reps);
    printf("sgemm M=%d N=%d K=%d transA=%d transB=%d threads=%d reps=%d: median %.3f us, %.1f GFLOP/s (best %.1f)\n",
           m, n, k, ta, tb, openblas_get_num_threads(), reps, med * 1e6, flop / med * 1e-9, flop / best * 1e-9);
    free(t); free(a); free(b); free(c);
    return 0;
}

typedef int (*trace_fn)(int, int, const float *, int, double *);
typedef int (*threads_fn)(int);

static int covtrace_bench(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: %s covtrace ROWS COLS [reps] [threads] [library]\n", argv[0]); return 2; }
    int rows = atoi(argv[2]), cols = atoi(argv[3]);
    int reps = argc > 4 ? atoi(argv[4]) : 201;
    int threads = argc > 5 ? atoi(argv[5]) : 2;
    const char *lib = argc > 6 ? argv[6] : getenv("IBINIT_CPU_LIB");
    if (!lib) lib = "./libibinit_cpu.so";
    void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
    if (!h) { fprintf(stderr, "cannot open %s: %s\n", lib, dlerror()); return 1; }
    trace_fn trace = (trace_fn)dlsym(h, "ibinit_covariance_trace");
    threads_fn set_threads = (threads_fn)dlsym(h, "ibinit_set_threads");
    if (!trace || !set_threads) { fprintf(stderr, "%s lacks the ibinit symbols\n", lib); return 1; }
    set_threads(threads);
    int64_t n = (int64_t)rows * cols;
    /* enough copies for > 64 MiB, so the cold rotation always misses a 32 MiB L3 */
    int copies = (int)fmax(2, ceil(64.0 * 1048576 / (n * 4.0)));
    float **x = malloc(sizeof(float *) * copies);
    for (int i = 0; i < copies; i++) x[i] = random_matrix(n, 10 + i, 100.0f);
    double *t = malloc(sizeof(double) * reps), tr = 0;
    for (int mode = 0; mode < 2; mode++) {
        for (int r = 0; r < 20; r++) trace(rows, cols, x[mode ? r % copies : 0], 1, &tr);
        for (int r = 0; r < reps; r++) {
            const float *p = x[mode ? r % copies : 0];
            double s = now();
            trace(rows, cols, p, 1, &tr);
            t[r] = now() - s;
        }
        double best = t[0];
        for (int r = 1; r < reps; r++) best = fmin(best, t[r]);
        double med = median(t, reps);
        printf("covariance_trace %dx%d threads=%d %s: median %.3f ms (best %.3f ms, %.1f GB/s), reps=%d, trace=%.6g\n",
               rows, cols, threads, mode ? "cold" : "hot ", med * 1e3, best * 1e3, n * 4.0 / med * 1e-9, reps, tr);
    }
    for (int i = 0; i < copies; i++) free(x[i]);
    free(x); free(t);
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 2 && strcmp(argv[1], "covtrace") == 0) return covtrace_bench(argc, argv);
    if (argc != 4 && argc != 6 && argc != 7) {
        fprintf(stderr, "usage: %s M N K [transA transB] [reps]\n       %s covtrace ROWS COLS [reps] [threads] [library]\n",
                argv[0], argv[0]);
        return 2;
    }
    return gemm_bench(argc, argv);
}
