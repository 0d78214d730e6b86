package ibinit.bench;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.info.Mine;
import ibinit.info.MineConfig;
import ibinit.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One MINE critic update: critic 1296-1500-1500-1 (x of 784 and z of 512 features, as an MNIST
 * image beside a 512-unit layer), leaky ReLU, 256 joint + 256 permuted marginal rows, the
 * bias-corrected DV gradient, Adam. Compare with benchmarks/peers/torch_mine_step.py (the same
 * step in PyTorch): see benchmarks/run-mine-comparison.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class MineStepBenchmark {
    @Param({"cpu"})
    public String backend;

    private Backend b;
    private Mine mine;
    private Tensor x, z;

    @Setup(Level.Trial)
    public void setUp() {
        b = Backends.open(backend);
        x = b.zeros(256, 784);
        z = b.zeros(256, 512);
        b.fillUniform(x, RandomStream.of(1, 1), 0, 1);
        b.fillNormal(z, RandomStream.of(1, 2), 0, 1);
        mine = new Mine(b, MineConfig.defaults().withHidden(1500, 1500).withBatchSize(256).withLearningRate(1e-4f));
    }

    @Benchmark
    public double step() {
        double bound = mine.step(x, z);
        b.synchronize();
        return bound;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        mine.close();
        x.close();
        z.close();
        b.close();
    }
}
