package ibinit.bench;

import ibinit.backend.Backends;
import ibinit.train.smoothing.GradientStep;
import ibinit.train.smoothing.Smoothing;
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
 * One training step at batch 256 (the entropic-scoping paper's), plain or smoothed with one extra
 * point (estimator mean, K = 1): the smoothed step draws the perturbed weights, runs a second
 * forward and backward pass and averages the gradients. Target: smoothed / plain at most 2.1.
 * {@code smoothing} "paper" is the paper's protocol for the net: sigma 0.01 on the convolutions
 * (layers 2-4 drawn, layer 1 at radius 0), and radius 0.01 on both hidden layers of the MLP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SmoothedStepBenchmark {
    @Param({"1x28x28-c1k3-c1k3-c1k3-c1k3-10", "784-512-512-10"})
    public String arch;

    @Param({"none", "paper"})
    public String smoothing;

    @Param({"cpu"})
    public String backend;

    private StepFixture f;
    private GradientStep step;
    private long t;

    @Setup(Level.Trial)
    public void setUp() {
        f = new StepFixture(Backends.open(backend), arch, "kaiming-normal", 0.001f, 256, 256);
        String protocol = smoothing.equals("none") ? "none" : arch.startsWith("784") ? "box:layers=1;2,radius=0.01" : "box:sigma=0.01";
        step = GradientStep.open(f.net, Smoothing.parse(protocol), 1);
    }

    @Benchmark
    public double step() {
        double loss = step.compute(f.x, f.labels, f.grad, 1, t++);
        f.sgd.step(f.net.parameters());
        f.backend.synchronize();
        return loss;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        step.close();
        f.close();
        f.backend.close();
    }
}
