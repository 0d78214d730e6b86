package ibinit.bench;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;
import java.util.Arrays;
import java.util.Locale;

/**
 * The Java twin of benchmarks/native/openblas_gemm_bench: the same GEMM, timed the same way
 * (warm-up, then the median of individually timed calls), through ibinit's backend. Used by
 * run-gemm-comparison.sh to alternate C and Java runs shape by shape, so a slow spell of the
 * host hits both sides alike.
 *
 * <p>{@code java -cp ibinit-benchmarks.jar ibinit.bench.GemmMedian M N K TA TB REPS [backend]}
 * prints {@code median_us best_us}.
 */
public final class GemmMedian {
    private GemmMedian() { }

    public static void main(String[] args) {
        int m = Integer.parseInt(args[0]), n = Integer.parseInt(args[1]), k = Integer.parseInt(args[2]);
        boolean ta = args[3].equals("1"), tb = args[4].equals("1");
        int reps = Integer.parseInt(args[5]);
        try (Backend b = Backends.open(args.length > 6 ? args[6] : "cpu");
             Tensor a = ta ? b.zeros(k, m) : b.zeros(m, k);
             Tensor w = tb ? b.zeros(n, k) : b.zeros(k, n);
             Tensor c = b.zeros(m, n)) {
            b.fillUniform(a, RandomStream.of(1, 1), -1, 1);
            b.fillUniform(w, RandomStream.of(1, 2), -1, 1);
            // Warm-up, at least 1 s and 5 calls: the JIT compiles the call path (C2) and OpenBLAS starts its threads.
            long warmStart = System.nanoTime();
            for (int i = 0; i < 5 || System.nanoTime() - warmStart < 1_000_000_000L; i++) b.gemm(ta, tb, 1f, a, w, 0f, c);
            double[] us = new double[reps];
            for (int i = 0; i < reps; i++) {
                long t0 = System.nanoTime();
                b.gemm(ta, tb, 1f, a, w, 0f, c);
                b.synchronize();
                us[i] = (System.nanoTime() - t0) / 1e3;
            }
            Arrays.sort(us);
            double median = reps % 2 == 1 ? us[reps / 2] : 0.5 * (us[reps / 2 - 1] + us[reps / 2]);
            System.out.printf(Locale.ROOT, "%.3f %.3f%n", median, us[0]);
        }
    }
}
