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

/**
 * GEMM through the FFM backend. Shapes are "M N K TA TB" (C = op(A) op(B), op(A) M x K): the
 * 1024^3 square case and the MLP's forward (NT) and backprop (TN, NN) products at batch 128.
 * Compare with benchmarks/native/openblas_gemm_bench (the same call from plain C): see
 * benchmarks/run-gemm-comparison.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class GemmBenchmark {
    @Param({"1024 1024 1024 N N", "128 512 784 N T", "512 784 128 T N", "128 784 512 N N",
            "128 512 512 N T", "512 512 128 T N", "128 512 512 N N", "128 10 512 N T", "10 512 128 T N", "128 512 10 N N"})
    public String shape;

    @Param({"cpu"})
    public String backend;

    private Backend b;
    private Tensor a, m, c;
    private boolean ta, tb;

    @Setup(Level.Trial)
    public void setUp() {
        String[] p = shape.split(" ");
        int mm = Integer.parseInt(p[0]), n = Integer.parseInt(p[1]), k = Integer.parseInt(p[2]);
        ta = p[3].equals("T");
        tb = p[4].equals("T");
        b = Backends.open(backend);
        a = ta ? b.zeros(k, mm) : b.zeros(mm, k);
        m = tb ? b.zeros(n, k) : b.zeros(k, n);
        c = b.zeros(mm, n);
        b.fillUniform(a, RandomStream.of(1, 1), -1, 1);
        b.fillUniform(m, RandomStream.of(1, 2), -1, 1);
    }

    @Benchmark
    public void gemm() {
        b.gemm(ta, tb, 1f, a, m, 0f, c);
        b.synchronize();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        a.close();
        m.close();
        c.close();
        b.close();
    }
}
