package ibinit.bench;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;
import java.util.Locale;

/**
 * Plain wall-clock timings through the Java API, for a backend (default cuda) where a JMH run
 * would cost too long (a lent GPU's minutes): GEMM throughput (many calls, one synchronize at the
 * end) and latency (synchronize after each call), and the covariance trace of 10,000 x 512 (its
 * result comes back to the host, so every call waits). Prints Markdown table rows.
 *
 * <p>{@code java -cp ibinit-benchmarks.jar ibinit.bench.WallClock [backend]}
 */
public final class WallClock {
    private static final double TARGET_SECONDS = 1.0;

    private WallClock() { }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "cuda";
        try (Backend b = Backends.open(name)) {
            System.out.println("| backend | op | shape | calls | GFLOP/s (pipelined) | us/call (pipelined) | us/call (sync each) |");
            System.out.println("|---|---|---|---|---|---|---|");
            gemm(b, 1024, 1024, 1024, false, false);
            gemm(b, 4096, 4096, 4096, false, false);
            gemm(b, 128, 512, 784, false, true);  // MLP forward, batch 128: X[128x784] W[512x784]^T
            gemm(b, 128, 784, 512, false, false); // M N K = 128 784 512, as written in the task
            gemm(b, 512, 784, 128, true, false);  // the weight gradient of the first layer
            trace(b, 10_000, 512);
        }
    }

    private static void gemm(Backend b, int m, int n, int k, boolean ta, boolean tb) {
        try (Tensor a = ta ? b.zeros(k, m) : b.zeros(m, k);
             Tensor w = tb ? b.zeros(n, k) : b.zeros(k, n);
             Tensor c = b.zeros(m, n)) {
            b.fillUniform(a, RandomStream.of(1, 1), -1, 1);
            b.fillUniform(w, RandomStream.of(1, 2), -1, 1);
            Runnable call = () -> b.gemm(ta, tb, 1f, a, w, 0f, c);
            int calls = calibrate(b, call);
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) call.run();
            b.synchronize();
            double pipelined = (System.nanoTime() - t0) / 1e3 / calls;
            t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                call.run();
                b.synchronize();
            }
            double synced = (System.nanoTime() - t0) / 1e3 / calls;
            double gflops = 2.0 * m * n * k / (pipelined * 1e3);
            row(b, "gemm", m + "x" + n + "x" + k + " " + (ta ? "T" : "N") + (tb ? "T" : "N"), calls, gflops, pipelined, synced);
        }
    }

    private static void trace(Backend b, int rows, int cols) {
        try (Tensor x = b.zeros(rows, cols)) {
            b.fillNormal(x, RandomStream.of(7, 0), 0.5f, 2f);
            double[] sink = new double[1];
            Runnable call = () -> sink[0] += b.covarianceTrace(x, 1);
            int calls = calibrate(b, call);
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) call.run();
            double us = (System.nanoTime() - t0) / 1e3 / calls;
            row(b, "covariance trace", rows + "x" + cols, calls, Double.NaN, us, us);
            if (sink[0] == 42) System.out.println(); // keeps the result live
        }
    }

    /** Warms up, then picks a call count that takes about TARGET_SECONDS. */
    private static int calibrate(Backend b, Runnable call) {
        for (int i = 0; i < 5; i++) call.run();
        b.synchronize();
        int n = 1;
        while (true) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) call.run();
            b.synchronize();
            double s = (System.nanoTime() - t0) / 1e9;
            if (s > 0.1 || n >= 1 << 20) return (int) Math.max(3, Math.min(1 << 22, n * TARGET_SECONDS / Math.max(s, 1e-9)));
            n *= 4;
        }
    }

    private static void row(Backend b, String op, String shape, int calls, double gflops, double pipelined, double synced) {
        System.out.println(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %.1f | %.1f |", b.name(), op, shape, calls,
                Double.isNaN(gflops) ? "-" : String.format(Locale.ROOT, "%.0f", gflops), pipelined, synced));
    }
}
