package ibinit.info;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.nn.Architecture;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The AA-MINE paper's Figure 2 on a small random network: I(X; L_1 + eps), eps ~ N(0, sigma^2 I),
 * estimated by AA-MINE (the critic sees F_1(x) and only has to learn a distance) and by plain MINE
 * (the critic sees x and has to learn F_1 too), as sigma^2 shrinks. The network is the untrained
 * tanh MLP 10-2-3 (weights N(0, 1.5^2 / fan_in), biases N(0, 0.3^2)); X is 4096 standard normal rows
 * of R^10; L_1 has two units, so the true value grows by ln 10 = 2.3 nats per decade of sigma^2
 * once sigma is small against the spread of L_1. Both estimators use the same critic shape, steps,
 * batches and noise stream.
 *
 * <p>{@link #sweep} gives one CSV row per sigma^2 (the figure's data in docs/results/ib.md); the
 * command-line tool {@code ibinit.cli.tools.NoiseSweepMain} prints them.
 */
public final class NoiseSweep implements AutoCloseable {
    public static final int INPUTS = 10, SAMPLES = 4096;
    static final double[] DEFAULT_VARIANCES = {1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5};

    private final Backend backend;
    private final Sequential net;
    private final Tensor x;
    private final MineConfig config;

    public NoiseSweep(Backend backend, int steps) {
        this.backend = backend;
        this.config = MineConfig.defaults().withHidden(32, 32).withBatchSize(128).withLearningRate(3e-3f).withSteps(steps)
                .withWindow(Math.max(1, steps / 5)).withSeed(1);
        net = Sequential.build(backend, Architecture.parse("10-2-3"), Activation.TANH, 0f);
        int k = 0;
        for (Parameter p : net.parameters()) {
            float std = p.kind() == Parameter.Kind.WEIGHT ? (float) (1.5 / Math.sqrt(p.fanIn())) : 0.3f;
            backend.fillNormal(p.value(), RandomStream.of(9, k++), 0f, std);
        }
        x = backend.zeros(SAMPLES, INPUTS);
        backend.fillNormal(x, RandomStream.of(10, 0), 0f, 1f);
    }

    public Sequential network() { return net; }
    public Tensor inputs() { return x; }
    public MineConfig config() { return config; }

    /** AA-MINE's estimate (nats, moving average of the last steps) of I(X; L_1 + eps) at noise std sigma. */
    public double aaMine(float sigma, AaMine.Prefix prefix) {
        try (AaMine a = new AaMine(net, 1, prefix, config)) {
            return a.estimateWithNoise(x, sigma).movingAverage();
        }
    }

    /** Plain MINE on (x, F_1(x) + eps) with the same critic, steps and noise stream. */
    public double plainMine(float sigma) {
        try (AaMine noise = new AaMine(net, 1, AaMine.Prefix.FROZEN_VIEW, config); Mine m = new Mine(backend, config);
             NetworkPrefix layer = NetworkPrefix.frozen(net, 1); Tensor xb = backend.zeros(config.batchSize(), INPUTS)) {
            BatchSampler batches = new BatchSampler(SAMPLES, new SplittableRandom(3));
            for (int s = 0; s < config.steps(); s++) {
                backend.gatherRows(x, 0, batches.next(config.batchSize()), xb, 0, INPUTS);
                m.step(xb, noise.noisyLayer(layer, xb, sigma));
            }
            return m.current().movingAverage();
        }
    }

    @Override
    public void close() {
        x.close();
        net.close();
    }

    /**
     * One CSV row (sigma2,aa_mine_nats,mine_nats,steps,backend) per sigma^2 in {@code variances},
     * each handed to {@code rows} as soon as it is measured.
     */
    public void sweep(List<Double> variances, java.util.function.Consumer<String> rows) {
        for (double v : variances) {
            float sigma = (float) Math.sqrt(v);
            rows.accept(String.format(Locale.ROOT, "%g,%.4f,%.4f,%d,%s", v, aaMine(sigma, AaMine.Prefix.FROZEN_VIEW),
                    plainMine(sigma), config.steps(), backend.name()));
        }
    }

    /** The CSV header of {@link #sweep}'s rows. */
    public static final String CSV_HEADER = "sigma2,aa_mine_nats,mine_nats,steps,backend";

    /** The figure's default noise variances, 1 down to 1e-5. */
    public static List<Double> defaultVariances() {
        List<Double> v = new ArrayList<>();
        for (double d : DEFAULT_VARIANCES) v.add(d);
        return v;
    }

}
