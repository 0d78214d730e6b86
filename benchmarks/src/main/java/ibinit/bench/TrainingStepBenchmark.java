package ibinit.bench;

import ibinit.backend.Backends;
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
 * One SGD step (forward, softmax cross-entropy, backward, momentum update) of an MLP at batch 128
 * on data already on the backend: the per-step cost without data staging. An epoch of 60,000
 * images is 469 steps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class TrainingStepBenchmark {
    @Param({"784-100-10", "784-512-512-10", "784-512-512-512-512-10"})
    public String arch;

    @Param({"cpu"})
    public String backend;

    private StepFixture f;

    @Setup(Level.Trial)
    public void setUp() { f = new StepFixture(Backends.open(backend), arch, "kaiming-uniform", 0.01f, 128, 128); }

    @Benchmark
    public double step() {
        double loss = f.trainStep();
        f.backend.synchronize();
        return loss;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        f.close();
        f.backend.close();
    }
}
