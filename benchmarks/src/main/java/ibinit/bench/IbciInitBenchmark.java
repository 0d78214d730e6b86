package ibinit.bench;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.data.DataOptions;
import ibinit.data.Dataset;
import ibinit.data.Datasets;
import ibinit.init.BiasInit;
import ibinit.init.InitContext;
import ibinit.init.Initializer;
import ibinit.init.Initializers;
import ibinit.nn.Architecture;
import ibinit.nn.Sequential;
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
 * The whole IBCI initialization of a 784-100-10 ReLU MLP on the 60,000 Fashion-MNIST training
 * images (pixels / 255): 500 candidates scored and 100 elected for the hidden layer, 50 and 10 for
 * the output layer (target: at most 1 s on 2 cores). The data is loaded once, outside the timing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class IbciInitBenchmark {
    @Param({"784-100-10"})
    public String arch;

    @Param({"ibci"})
    public String method;

    @Param({"cpu"})
    public String backend;

    private Backend b;
    private Sequential net;
    private Tensor x, y;
    private Initializer init;

    @Setup(Level.Trial)
    public void setUp() {
        Dataset train = Datasets.load("fashion-mnist", DataOptions.defaults()).train();
        b = Backends.open(backend);
        net = Sequential.build(b, Architecture.parse(arch), Activation.RELU, 0f);
        x = b.fromArray(train.features(), train.size(), train.featureDim());
        y = b.fromArray(train.labels(), train.size());
        init = Initializers.create(method, Activation.RELU, 0f, BiasInit.ZEROS);
    }

    @Benchmark
    public Sequential initialize() {
        init.initialize(net, new InitContext(RandomStream.of(1, 0), x, y));
        return net;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        x.close();
        y.close();
        net.close();
        b.close();
    }
}
