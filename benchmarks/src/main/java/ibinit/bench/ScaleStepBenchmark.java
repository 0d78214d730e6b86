package ibinit.bench;

import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.init.scales.GradInit;
import ibinit.init.scales.GradInitOptions;
import ibinit.init.scales.Nio;
import ibinit.init.scales.NioOptions;
import ibinit.nn.Sequential;
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
 * One NIO or GradInit step (T = 1 through the public entry points, so the per-run set-up of
 * copying theta0 is included) against one SGD training step of the same batch of 128, and the
 * parts they are made of: the unfused loss and gradient ({@link Sequential#lossAndGradient}) and
 * one exact Hessian-vector product ({@link Sequential#hessianVector}) at batch 128. The target is
 * a NIO / GradInit step within 6 training steps. gamma 1e-9 forces constraint steps, 1e9
 * objective steps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ScaleStepBenchmark {
    @Param({"1x28x28-c16k3p1-r16-r32s2-r64s2-gap-10", "784-256-256-256-256-256-256-256-256-256-256-10"})
    public String arch;

    @Param({"train-step", "gradient", "hvp", "nio-objective", "nio-constraint", "gradinit-objective", "gradinit-constraint"})
    public String what;

    @Param({"cpu"})
    public String backend;

    private StepFixture f;

    @Setup(Level.Trial)
    public void setUp() {
        f = new StepFixture(Backends.open(backend), arch, "kaiming-normal", 0.01f, 192, 128); // GradInit reads 1.5 batches per step
        for (var p : f.net.parameters()) f.backend.fillNormal(p.direction(), RandomStream.of(3, 0), 0f, 1f);
        f.net.lossAndGradient(f.x, f.labels);
    }

    @Benchmark
    public double step() {
        Sequential net = f.net;
        double r = switch (what) {
            case "train-step" -> f.trainStep();
            case "gradient" -> net.lossAndGradient(f.x, f.labels);
            case "hvp" -> {
                net.hessianVector();
                yield 0;
            }
            case "nio-objective", "nio-constraint" -> Nio.optimize(net, f.sample, f.sampleLabels,
                    new NioOptions(2, 0.7, 1, what.endsWith("objective") ? 1e9 : 1e-9, 0.015, 1, 0.01, 128), s -> { }).seconds();
            case "gradinit-objective", "gradinit-constraint" -> GradInit.optimize(net, f.sample, f.sampleLabels,
                    new GradInitOptions(1, 128, 0.1, what.endsWith("objective") ? 1e9 : 1e-9, 0.01, 0.01), s -> { }).seconds();
            default -> throw new IllegalArgumentException(what);
        };
        f.backend.synchronize();
        return r;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        f.close();
        f.backend.close();
    }
}
