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

    private Backend b;
    private Sequential net;
    private Sgd sgd;
    private Tensor x, labels, grad;

    @Setup(Level.Trial)
    public void setUp() {
        b = Backends.open(backend);
        net = Sequential.build(b, Architecture.parse(arch), Activation.RELU, 0f);
        Initializers.create("kaiming-uniform", Activation.RELU, 0, BiasInit.ZEROS).initialize(net, InitContext.seeded(1));
        sgd = new Sgd(0.01f, 0.9f, 0f, false);
        x = b.zeros(128, 784);
        b.fillUniform(x, RandomStream.of(2, 0), 0, 1);
        int[] y = new int[128];
        for (int i = 0; i < y.length; i++) y[i] = i % 10;
        labels = b.fromArray(y, 128);
        grad = b.zeros(128, 10);
    }

    @Benchmark
    public double step() {
        double loss = b.softmaxCrossEntropy(net.forward(x), labels, grad);
        net.backward(grad);
        sgd.step(net.parameters());
        b.synchronize();
        return loss;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sgd.close();
        net.close();
        x.close();
        labels.close();
        grad.close();
        b.close();
    }
}
