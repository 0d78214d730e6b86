package ibinit.bench;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.init.ibci.CandidateMoments;
import ibinit.init.ibci.CandidateScores;
import ibinit.init.ibci.Scoring;
import ibinit.tensor.Tensor;
import java.util.SplittableRandom;
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
 * IBCI's candidate scoring: 1,000 ReLU candidates on 60,000 samples of dimension 784 in 10
 * classes, streamed in chunks (GEMM, activation, per-class moments in double), then the scores
 * (target: at most 1 s on 2 cores). Inputs are uniform in [0, 1), as scaled pixels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CandidateScoringBenchmark {
    @Param({"60000"})
    public int samples;

    @Param({"784"})
    public int dim;

    @Param({"1000"})
    public int candidates;

    @Param({"cpu"})
    public String backend;

    private Backend b;
    private Tensor h, labels, w;
    private int[] hostLabels;

    @Setup(Level.Trial)
    public void setUp() {
        b = Backends.open(backend);
        h = b.zeros(samples, dim);
        b.fillUniform(h, RandomStream.of(5, 0), 0f, 1f);
        w = b.zeros(candidates, dim);
        float bound = (float) Math.sqrt(6.0 / (dim + candidates / 5));
        b.fillUniform(w, RandomStream.of(5, 1), -bound, bound);
        SplittableRandom r = new SplittableRandom(5);
        hostLabels = new int[samples];
        for (int i = 0; i < samples; i++) hostLabels[i] = r.nextInt(10);
        labels = b.fromArray(hostLabels, samples);
    }

    @Benchmark
    public CandidateScores score() {
        CandidateMoments m = CandidateMoments.measure(b, h, labels, hostLabels, 10, w, Activation.RELU, 0f);
        return CandidateScores.compute(m, Scoring.AUTHORS, 0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        h.close();
        w.close();
        labels.close();
        b.close();
    }
}
