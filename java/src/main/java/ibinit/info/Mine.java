package ibinit.info;

import ibinit.backend.Backend;
import ibinit.nn.Adam;
import ibinit.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * MINE (Belghazi et al. 2018): a critic T(a, b) trained with Adam to maximise a lower bound on
 * I(A; B). Each step gathers the batch's a rows and its b rows for the joint pairs (a_i, b_i)
 * followed by the marginal pairs (a_i, b_partner(i)) on the backend, runs the {@link Critic} once
 * over all of them, forms the bound and its gradient on the host ({@link MineLoss}, one number
 * per pair), and steps Adam. The reported estimate is the moving average of the per-batch bound over the last
 * {@code window} steps, with its spread.
 */
public final class Mine implements MutualInformationEstimator {
    private static final float ADAM_BETA1 = 0.9f, ADAM_BETA2 = 0.999f, ADAM_EPS = 1e-8f;

    private final Backend backend;
    private final MineConfig config;
    private final MineLoss loss;
    private final SplittableRandom rng;
    private final EstimateHistory history;
    private final boolean wantAGradient;
    private Critic critic;
    private Adam adam;
    private Tensor aRows, bRows, aGradient;
    private int aCols = -1, bCols = -1;

    public Mine(Backend backend, MineConfig config) { this(backend, config, false); }

    /** {@code wantAGradient}: keep d(loss)/da after each step (AA-MINE's trainable copy). */
    Mine(Backend backend, MineConfig config, boolean wantAGradient) {
        this.backend = backend;
        this.config = config;
        this.loss = new MineLoss(config.objective(), config.emaRate());
        this.rng = new SplittableRandom(config.seed() ^ ibinit.rng.Streams.MINE_BATCH_SALT); // "MINE": batches apart from the critic's streams
        this.history = new EstimateHistory(config.window());
        this.wantAGradient = wantAGradient;
    }

    public MineConfig config() { return config; }

    @Override
    public String describe() { return "mine(" + config.describe() + ")"; }

    /** The critic, once the first step has fixed its input width; null before. */
    public Critic critic() { return critic; }

    /** Steps taken so far, averaged over the window. */
    public Estimate current() { return history.estimate(); }

    /**
     * Trains for {@code config.steps()} steps on minibatches of the n pairs (a fresh shuffle per
     * epoch) and returns the moving average. Repeated calls continue training the same critic.
     */
    @Override
    public Estimate estimate(Tensor a, Tensor b) {
        if (a.rows() != b.rows()) throw new IllegalArgumentException("paired samples differ in count: " + a.describe() + " and " + b.describe());
        BatchSampler batches = new BatchSampler(a.rows(), rng);
        for (int s = 0; s < config.steps(); s++) stepOn(a, b, batches.next(config.batchSize()));
        return history.estimate();
    }

    /** One critic update on the joint pairs (row r of aBatch with row r of bBatch); returns the batch's bound. */
    public double step(Tensor aBatch, Tensor bBatch) {
        if (aBatch.rows() != bBatch.rows()) {
            throw new IllegalArgumentException("paired batches differ in rows: " + aBatch.describe() + " and " + bBatch.describe());
        }
        return stepOn(aBatch, bBatch, null);
    }

    /** A step on rows {@code rows} of a and b (null: every row). */
    double stepOn(Tensor a, Tensor b, int[] rows) {
        int n = rows == null ? a.rows() : rows.length;
        int[] partners = config.marginals().partners(n, rng);
        int total = n + partners.length;
        int[] aIdx = new int[n], bIdx = new int[total];
        for (int r = 0; r < n; r++) aIdx[r] = bIdx[r] = rows == null ? r : rows[r];
        for (int k = 0; k < partners.length; k++) bIdx[n + k] = rows == null ? partners[k] : rows[partners[k]];
        prepare(a.cols(), b.cols(), n, total);
        // The critic pairs row r of bRows with row r mod n of aRows: joint block, then marginal blocks.
        backend.gatherRows(a, 0, aIdx, aRows, 0, aCols);
        backend.gatherRows(b, 0, bIdx, bRows, 0, bCols);

        float[] t = backend.toFloatArray(critic.forward(aRows, bRows));
        float[] tJoint = java.util.Arrays.copyOfRange(t, 0, n);
        float[] tMarg = java.util.Arrays.copyOfRange(t, n, total);
        float[] gJoint = new float[n], gMarg = new float[partners.length];
        double bound = loss.evaluate(tJoint, tMarg, gJoint, gMarg);
        float[] grad = new float[total];
        System.arraycopy(gJoint, 0, grad, 0, n);
        System.arraycopy(gMarg, 0, grad, n, partners.length);
        backend.copyFromArray(grad, critic.outputGradient());
        critic.backward(wantAGradient ? aGradient : null);
        adam.step(critic.parameters());
        history.add(bound);
        return bound;
    }

    private void prepare(int da, int db, int n, int total) {
        if (critic == null) {
            aCols = da;
            bCols = db;
            critic = new Critic(backend, da, db, config.hidden(), config.slope(), config.seed());
            adam = new Adam(config.learningRate(), ADAM_BETA1, ADAM_BETA2, ADAM_EPS, 0f);
        } else if (da != aCols || db != bCols) {
            throw new IllegalArgumentException("this estimator's critic takes " + aCols + " + " + bCols + " features, got " + da + " + " + db);
        }
        if (aRows == null || aRows.rows() != n || bRows.rows() != total) {
            for (Tensor t : new Tensor[] {aRows, bRows, aGradient}) if (t != null) t.close();
            aRows = backend.zeros(n, da);
            bRows = backend.zeros(total, db);
            aGradient = wantAGradient ? backend.zeros(n, da) : null;
        }
    }

    /** d(loss)/da of the last step for the batch's a rows, summed over the joint and marginal blocks. */
    Tensor aGradient() { return aGradient; }

    @Override
    public void close() {
        if (critic != null) critic.close();
        if (adam != null) adam.close();
        for (Tensor t : new Tensor[] {aRows, bRows, aGradient}) if (t != null) t.close();
    }
}
