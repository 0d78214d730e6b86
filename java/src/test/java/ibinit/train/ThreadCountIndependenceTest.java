package ibinit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.ThreadPolicy;
import ibinit.data.DataSplit;
import ibinit.data.SyntheticMixture;
import ibinit.init.BiasInit;
import ibinit.init.InitContext;
import ibinit.init.Initializers;
import ibinit.nn.Architecture;
import ibinit.nn.Optimizer;
import ibinit.nn.Sequential;
import ibinit.weights.NetworkWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on the CPU backend gives the same bits with any thread count: the GEMMs are cut into
 * blocks that depend on the shape only and every reduction combines fixed chunks in a fixed
 * order. The shapes are large enough that each GEMM of a step is split into several blocks
 * (128 x 256 x 784 forward, 256 x 784 x 128 weight gradient) and the threads really share them.
 */
class ThreadCountIndependenceTest {
    private static final DataSplit DATA = SyntheticMixture.generate(10, 784, 640, 256, 1.0, 3);

    private record Run(List<EpochStats> history, byte[] weights) { }

    private static Run train(int threads, Path dir) throws Exception {
        return ThreadPolicy.callWith(threads, () -> {
            try (Backend b = Backends.open("cpu");
                 Sequential net = Sequential.build(b, Architecture.parse("784-256-10"), Activation.RELU, 0.01f);
                 Optimizer opt = new OptimizerSpec("sgd", 0.05, 0.9, false, 0).create()) {
                assertEquals(threads, b.threads());
                Initializers.create("kaiming-normal", Activation.RELU, 0.01f, BiasInit.ZEROS).initialize(net, InitContext.seeded(7));
                TrainingOutcome o = Trainer.train(net, opt, DATA, new TrainOptions(3, 128, Schedule.CONSTANT, 0, 7),
                        TrainingListener.NONE, () -> false);
                assertEquals(RunStatus.COMPLETED, o.status(), o.detail());
                Path file = dir.resolve("w" + threads + ".safetensors");
                NetworkWeights.save(net, file, Map.of());
                return new Run(o.history(), Files.readAllBytes(file));
            }
        });
    }

    /** GEMMs in every transpose at the MLP shapes and 1024 x 1024 x 300, column sums and a covariance trace of 10,000 x 512 (large enough to be split over threads), as bits. */
    private record Kernels(List<float[]> arrays, double trace) { }

    private static Kernels kernels(int threads) {
        return ThreadPolicy.callWith(threads, () -> {
            try (Backend b = Backends.open("cpu")) {
                List<float[]> out = new java.util.ArrayList<>();
                int[][] shapes = {{128, 512, 784}, {512, 784, 128}, {128, 10, 512}, {1024, 1024, 300}, {128, 100, 784}, {100, 784, 128}};
                java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
                for (int[] s : shapes) {
                    for (int t = 0; t < 4; t++) {
                        boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                        int m = s[0], n = s[1], k = s[2];
                        try (var a = b.fromArray(random(rnd, m * k), ta ? k : m, ta ? m : k);
                             var x = b.fromArray(random(rnd, k * n), tb ? n : k, tb ? k : n);
                             var c = b.zeros(m, n)) {
                            b.gemm(ta, tb, 1f, a, x, 0f, c);
                            out.add(b.toFloatArray(c));
                        }
                    }
                }
                try (var x = b.fromArray(random(rnd, 10000 * 512), 10000, 512); var sums = b.zeros(512)) {
                    b.columnSums(x, sums);
                    out.add(b.toFloatArray(sums));
                    return new Kernels(out, b.covarianceTrace(x, 1));
                }
            }
        });
    }

    private static float[] random(java.util.SplittableRandom rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (rnd.nextDouble() - 0.5);
        return v;
    }

    @Test
    void kernelsGiveTheSameBitsWithOneTwoAndThreeThreads() {
        Assumptions.assumeTrue(Backends.probe("cpu").available(), () -> Backends.probe("cpu").line());
        Kernels one = kernels(1);
        for (int threads : new int[] {2, 3}) {
            Kernels other = kernels(threads);
            for (int i = 0; i < one.arrays().size(); i++) {
                assertArrayEquals(one.arrays().get(i), other.arrays().get(i), threads + " threads, result " + i);
            }
            assertEquals(one.trace(), other.trace(), 0.0, threads + " threads, covariance trace");
        }
    }

    @Test
    void oneTwoAndThreeThreadsGiveIdenticalHistoriesAndWeights(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Backends.probe("cpu").available(), () -> Backends.probe("cpu").line());
        Run one = train(1, dir);
        for (int threads : new int[] {2, 3}) {
            Run other = train(threads, dir);
            assertEquals(one.history().size(), other.history().size());
            for (int e = 0; e < one.history().size(); e++) {
                EpochStats a = one.history().get(e), b = other.history().get(e);
                // exact: bit-for-bit equality, not a tolerance
                assertEquals(a.trainLoss(), b.trainLoss(), 0.0, threads + " threads, epoch " + (e + 1) + " train loss");
                assertEquals(a.testLoss(), b.testLoss(), 0.0, threads + " threads, epoch " + (e + 1) + " test loss");
                assertEquals(a.testError(), b.testError(), 0.0, threads + " threads, epoch " + (e + 1) + " test error");
            }
            assertArrayEquals(one.weights(), other.weights(), threads + " threads: final weights differ");
        }
    }
}
