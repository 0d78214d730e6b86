package ibinit.bench;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
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

/** Trace of the column covariance of a 10,000 x 512 matrix (target: at most 1.2 ms on 2 cores). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CovarianceTraceBenchmark {
    @Param({"10000"})
    public int rows;

    @Param({"512"})
    public int cols;

    @Param({"cpu"})
    public String backend;

    private Backend b;
    private Tensor x;

    @Setup(Level.Trial)
    public void setUp() {
        b = Backends.open(backend);
        x = b.zeros(rows, cols);
        b.fillNormal(x, RandomStream.of(7, 0), 0.5f, 2f);
    }

    @Benchmark
    public double covarianceTrace() {
        return b.covarianceTrace(x, 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        x.close();
        b.close();
    }
}
