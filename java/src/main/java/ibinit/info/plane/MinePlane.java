package ibinit.info.plane;

import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.info.AaMine;
import ibinit.info.Mine;
import ibinit.info.MineConfig;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.HashMap;
import java.util.Map;

/**
 * Trained estimators, as the AA-MINE paper's Figure 3: I(X; T + eps) with eps ~ N(0, sigma^2 I)
 * by AA-MINE (critic on [F_i(x), t + eps], F_i the network's own layers, gradients stopped) or by
 * plain MINE (critic on [x, t + eps]); I(T; Y) by plain MINE on (one-hot y, t). Each layer keeps
 * its critics for the whole run, so each measurement continues training them for
 * {@code config.steps()} more steps (the network moves little between logged epochs) and reports
 * the moving average over the last {@code config.window()} steps.
 */
final class MinePlane implements PlaneEstimator {
    private final Sequential net;
    private final MeasurementSet data;
    private final MineConfig config;
    private final float sigma;
    private final double noiseVariance;
    private final boolean architectureAware;
    private final Map<Integer, AaMine> aaMine = new HashMap<>();
    private final Map<Integer, Mine> xMine = new HashMap<>(), yMine = new HashMap<>();
    private long noiseOffset;

    MinePlane(Sequential net, MeasurementSet data, MineConfig config, double noiseVariance, boolean architectureAware) {
        if (!(noiseVariance > 0)) throw new IllegalArgumentException("noise variance must be > 0, got " + noiseVariance);
        this.net = net;
        this.data = data;
        this.config = config.withBatchSize(Math.min(config.batchSize(), data.rows()));
        this.sigma = (float) Math.sqrt(noiseVariance);
        this.noiseVariance = noiseVariance;
        this.architectureAware = architectureAware;
    }

    @Override
    public String describe() {
        return (architectureAware ? "aa-mine" : "mine") + " for I(X; T + eps), sigma^2 " + (float) ((double) sigma * sigma) + "; mine for I(T; Y); "
                + config.describe();
    }

    @Override
    public Coordinates measure(int layer, Tensor t) {
        // X critic: a key of its own (it was seed + 1000 layer, which for layer 0 is the key of the network's initial weights)
        MineConfig c = config.withSeed(ibinit.rng.Streams.criticKey(config.seed(), ibinit.rng.Streams.Critic.PLANE_X, layer));
        double ixt;
        if (architectureAware) {
            ixt = aaMine.computeIfAbsent(layer, l -> new AaMine(net, l, AaMine.Prefix.FROZEN_VIEW, c))
                    .estimateWithNoise(data.x(), sigma).movingAverage();
        } else {
            Backend b = t.backend();
            try (Tensor noisy = b.zeros(t.rows(), t.cols())) {
                b.fillNormal(noisy, new RandomStream(c.seed(), ibinit.rng.Streams.PLANE_NOISE_STREAM, noiseOffset), 0f, sigma); // "PLNE"
                noiseOffset += noisy.size();
                b.axpy(1f, t, noisy);
                ixt = xMine.computeIfAbsent(layer, l -> new Mine(b, c)).estimate(data.x(), noisy).movingAverage();
            }
        }
        double ity = yMine.computeIfAbsent(layer, l -> new Mine(t.backend(), config.withSeed(ibinit.rng.Streams.planeCriticY(config.seed(), layer)))).estimate(data.oneHot(), t).movingAverage();
        return new Coordinates(ixt, ity);
    }

    @Override
    public void close() {
        aaMine.values().forEach(AaMine::close);
        xMine.values().forEach(Mine::close);
        yMine.values().forEach(Mine::close);
    }
}
