package ibinit.info;

import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Architecture-aware MINE for I(X; L_i + eps): the critic D(x, l) first passes x through layers
 * 1..i of the network (a frozen view by default, or a trainable copy), then an MLP on
 * [F_i(x), l]. For l = F_i(x) + eps the best critic is -||l - F_i(x)||^2 / (2 sigma^2) plus terms in
 * l alone, so a critic that sees F_i(x) only has to learn a distance, and the estimate can grow
 * without bound as sigma goes to 0 (plain MINE's cannot: the paper's Figure 2).
 */
public final class AaMine implements MutualInformationEstimator {
    /** Where the critic's F_i(x) comes from. */
    public enum Prefix { FROZEN_VIEW, TRAINABLE_COPY }

    private final Backend backend;
    private final MineConfig config;
    private final Mine mine;
    private final NetworkPrefix prefix;
    private final int layer;
    private final SplittableRandom rng;
    private Tensor xBatch, lBatch;
    private long noiseOffset;

    /** AA-MINE for layer {@code layer} (weight layers count from 1) of {@code network}. */
    public AaMine(Sequential network, int layer, Prefix prefix, MineConfig config) {
        this.backend = network.backend();
        this.config = config;
        this.layer = layer;
        this.prefix = prefix == Prefix.TRAINABLE_COPY ? NetworkPrefix.trainableCopy(network, layer, config.learningRate())
                : NetworkPrefix.frozen(network, layer);
        this.mine = new Mine(backend, config, prefix == Prefix.TRAINABLE_COPY);
        this.rng = new SplittableRandom(config.seed() ^ ibinit.rng.Streams.AA_MINE_BATCH_SALT);
    }

    @Override
    public String describe() { return "aa-mine(layer " + layer + ", " + prefix.describe() + "; " + config.describe() + ")"; }

    public Estimate current() { return mine.current(); }

    /** The critic's MINE (its critic sees [F_i(x), l]). */
    public Mine mine() { return mine; }

    /**
     * I(X; L) from n fixed pairs: {@code x} the network's inputs, {@code l} samples of the noisy
     * layer L_i + eps (row r made from row r of x).
     */
    @Override
    public Estimate estimate(Tensor x, Tensor l) {
        if (x.rows() != l.rows()) throw new IllegalArgumentException("paired samples differ in count: " + x.describe() + " and " + l.describe());
        BatchSampler batches = new BatchSampler(x.rows(), rng);
        for (int s = 0; s < config.steps(); s++) {
            int[] rows = batches.next(config.batchSize());
            backend.gatherRows(l, 0, rows, lBatch(rows.length, l.cols()), 0, l.cols());
            step(xBatch(x, rows), lBatch);
        }
        return mine.current();
    }

    /**
     * I(X; L_i + eps), eps ~ N(0, sigma^2 I), with fresh noise every step: the layer is the
     * network's own current F_i(x), the noise only for measuring (the network never sees it).
     */
    public Estimate estimateWithNoise(Tensor x, float sigma) {
        if (!(sigma > 0) || !Float.isFinite(sigma)) throw new IllegalArgumentException("noise sigma must be > 0, got " + sigma);
        BatchSampler batches = new BatchSampler(x.rows(), rng);
        for (int s = 0; s < config.steps(); s++) {
            Tensor xb = xBatch(x, batches.next(config.batchSize()));
            step(xb, noisyLayer(prefix, xb, sigma));
        }
        return mine.current();
    }

    /** l = F_i(x) + sigma eps for a batch, from the network's own layers; valid until the next call. */
    Tensor noisyLayer(NetworkPrefix p, Tensor xb, float sigma) {
        Tensor f = p.network(xb);
        Tensor l = lBatch(f.rows(), f.cols());
        backend.fillNormal(l, new RandomStream(config.seed(), ibinit.rng.Streams.AA_MINE_NOISE_STREAM, noiseOffset), 0f, sigma); // "NOIS"
        noiseOffset += l.size();
        backend.axpy(1f, f, l);
        return l;
    }

    /** One critic update (and one update of a trainable copy) on a batch: x [b, inputs], l [b, width of L_i]. */
    public double step(Tensor xb, Tensor lb) {
        double bound = mine.step(prefix.features(xb), lb);
        if (prefix.trainable()) prefix.train(mine.aGradient()); // summed over the joint and marginal blocks
        return bound;
    }

    private Tensor xBatch(Tensor x, int[] rows) {
        int[] shape = x.shape();
        shape[0] = rows.length;
        if (xBatch == null || !java.util.Arrays.equals(xBatch.shape(), shape)) {
            if (xBatch != null) xBatch.close();
            xBatch = backend.zeros(shape);
        }
        backend.gatherRows(x, 0, rows, xBatch, 0, x.cols());
        return xBatch;
    }

    private Tensor lBatch(int rows, int cols) { return lBatch = reuse(lBatch, rows, cols); }

    private Tensor reuse(Tensor t, int rows, int cols) {
        if (t != null && t.dim(0) == rows && t.dim(1) == cols) return t;
        if (t != null) t.close();
        return backend.zeros(rows, cols);
    }

    @Override
    public void close() {
        mine.close();
        prefix.close();
        for (Tensor t : new Tensor[] {xBatch, lBatch}) if (t != null) t.close();
    }
}
