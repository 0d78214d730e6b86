package ibinit.bench;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.init.BiasInit;
import ibinit.init.InitContext;
import ibinit.init.Initializers;
import ibinit.nn.Architecture;
import ibinit.nn.Sequential;
import ibinit.nn.Sgd;
import ibinit.tensor.Tensor;
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

    private static final int BATCH = 256;
    private Backend b;
    private Sequential net;
    private Sgd sgd;
    private GradientStep step;
    private Tensor x, labels, grad;
    private long t;

    @Setup(Level.Trial)
    public void setUp() {
        b = Backends.open(backend);
        Architecture a = Architecture.parse(arch);
        net = Sequential.build(b, a, Activation.RELU, 0f);
        Initializers.create("kaiming-normal", Activation.RELU, 0, BiasInit.ZEROS).initialize(net, InitContext.seeded(1));
        sgd = new Sgd(0.001f, 0.9f, 0f, false);
        String protocol = smoothing.equals("none") ? "none" : arch.startsWith("784") ? "box:layers=1;2,radius=0.01" : "box:sigma=0.01";
        step = GradientStep.open(net, Smoothing.parse(protocol), 1);
        x = b.zeros(BATCH, a.inputSize());
        b.fillUniform(x, RandomStream.of(2, 0), 0, 1);
        int[] y = new int[BATCH];
        for (int i = 0; i < y.length; i++) y[i] = i % 10;
        labels = b.fromArray(y, BATCH);
        grad = b.zeros(BATCH, 10);
    }

    @Benchmark
    public double step() {
        double loss = step.compute(x, labels, grad, 1, t++);
        sgd.step(net.parameters());
        b.synchronize();
        return loss;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        step.close();
        sgd.close();
        net.close();
        x.close();
        labels.close();
        grad.close();
        b.close();
    }
}
