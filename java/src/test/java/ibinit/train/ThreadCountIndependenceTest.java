package ibinit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.ThreadPolicy;
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
    private static final TrainTestData DATA = DatasetSource.convert(SyntheticMixture.generate(10, 784, 640, 256, 1.0, 3));

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
