package ibinit.bench;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.sparse.SparseFilteringObjective;
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
 * One sparse-filtering objective + gradient evaluation, D = 784, N = 256 features, 10,000
 * examples (issue 12's target: at least 2x numpy; peer benchmarks/peers/numpy_sparse_filtering.py,
 * driver benchmarks/run-sparse-filtering-comparison.sh). {@code step}: W already on the backend,
 * F = X W^T, the element-wise kernel, dW = delta^T X (what numpy's version computes).
 * {@code stepWithCopies}: as L-BFGS calls it, W uploaded from a float[] and dW downloaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SparseFilteringBenchmark {
    @Param({"10000"})
    public int examples;

    @Param({"784"})
    public int dims;

    @Param({"256"})
    public int features;

    @Param({"cpu"})
    public String backend;

    private Backend b;
    private Tensor x;
    private SparseFilteringObjective objective;
    private float[] w, g;

    @Setup(Level.Trial)
    public void setUp() {
        b = Backends.open(backend);
        x = b.zeros(examples, dims);
        b.fillNormal(x, RandomStream.of(7, 0), 0f, 1f);
        objective = new SparseFilteringObjective(b, x, features);
        b.fillNormal(objective.weights(), RandomStream.of(7, 1), 0f, 1f);
        w = b.toFloatArray(objective.weights());
        g = new float[w.length];
    }

    @Benchmark
    public double step() {
        double v = objective.evaluateLoaded();
        b.synchronize();
        return v;
    }

    @Benchmark
    public double stepWithCopies() {
        return objective.evaluate(w, g);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        objective.close();
        x.close();
        b.close();
    }
}
