package ibinit.info.ib;

import ibinit.backend.Backend;
import ibinit.info.Critic;
import ibinit.info.MineLoss;
import ibinit.info.MineObjective;
import ibinit.nn.Adam;
import ibinit.nn.Parameter;
import ibinit.tensor.Tensor;
import java.util.List;

/**
 * One MINE critic T(a, b) of IB training, on batches of n paired rows: the joint pairs (a_r, b_r)
 * and one block of marginal pairs (a_r, b_partner(r)). {@link #train} ascends the DV bound with
 * the bias-corrected gradient (Adam); {@link #addGradient} sends w * d(DV bound)/db back to the
 * rows of b (the plain minibatch DV gradient, through the critic's input), folding each marginal
 * row's gradient onto the b row it was taken from.
 */
final class IbCritic implements AutoCloseable {
    private static final double ESTIMATE_RATE = 0.02; // moving average of the bound, for progress lines

    private final Backend backend;
    private final Critic critic;
    private final Adam adam;
    private final MineLoss trainLoss;
    private final MineLoss gradientLoss = new MineLoss(MineObjective.DV, 0.01); // stateless
    private Tensor bRows, bGrad, folded;
    private double estimate = Double.NaN;

    IbCritic(Backend backend, int aInputs, int bInputs, int[] hidden, double lr, long seed) {
        this.backend = backend;
        this.critic = new Critic(backend, aInputs, bInputs, hidden, 0.01f, seed);
        this.adam = new Adam((float) lr, 0.9f, 0.999f, 1e-8f, 0f);
        this.trainLoss = new MineLoss(MineObjective.DV_BIAS_CORRECTED, 0.01);
    }

    /** One Adam step of the critic; returns the batch's DV bound (nats). */
    double train(Tensor a, Tensor b, int[] partners) {
        float[] t = scores(a, b, partners);
        int n = partners.length;
        float[] gj = new float[n], gm = new float[n];
        double bound = trainLoss.evaluate(java.util.Arrays.copyOfRange(t, 0, n), java.util.Arrays.copyOfRange(t, n, 2 * n), gj, gm);
        upload(gj, gm);
        critic.backward(null);
        adam.step(critic.parameters());
        estimate = Double.isNaN(estimate) ? bound : estimate + ESTIMATE_RATE * (bound - estimate);
        return bound;
    }

    /** dB += w * d(DV bound)/db for the n rows of b; the critic's parameters are left as they are. Returns the bound. */
    double addGradient(Tensor a, Tensor b, int[] partners, double w, Tensor dB) {
        float[] t = scores(a, b, partners);
        int n = partners.length;
        float[] gj = new float[n], gm = new float[n];
        double bound = gradientLoss.evaluate(java.util.Arrays.copyOfRange(t, 0, n), java.util.Arrays.copyOfRange(t, n, 2 * n), gj, gm);
        // gradientLoss gives d(-bound)/dT; scale to d(w * bound)/dT
        for (int i = 0; i < n; i++) {
            gj[i] *= (float) -w;
            gm[i] *= (float) -w;
        }
        upload(gj, gm);
        critic.backward(null, bGrad);
        int[] back = new int[n]; // row n + inverse(partner)(r) of bGrad belongs to b row r
        for (int i = 0; i < n; i++) back[partners[i]] = n + i;
        backend.gatherRows(bGrad, 0, back, folded, 0, b.cols());
        try (Tensor joint = bGrad.firstRows(n)) {
            backend.axpy(1f, joint, folded);
        }
        backend.axpy(1f, folded, dB);
        return bound;
    }

    /** T over [joint; marginal] rows, on the host. */
    private float[] scores(Tensor a, Tensor b, int[] partners) {
        int n = partners.length;
        if (a.rows() != n || b.rows() != n) throw new IllegalArgumentException("critic batch: " + a.describe() + ", " + b.describe() + ", " + n + " partners");
        if (bRows == null || bRows.rows() != 2 * n) {
            for (Tensor t : new Tensor[] {bRows, bGrad, folded}) if (t != null) t.close();
            bRows = backend.zeros(2 * n, b.cols());
            bGrad = backend.zeros(2 * n, b.cols());
            folded = backend.zeros(n, b.cols());
        }
        int[] idx = new int[2 * n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            idx[n + i] = partners[i];
        }
        backend.gatherRows(b, 0, idx, bRows, 0, b.cols());
        return backend.toFloatArray(critic.forward(a, bRows));
    }

    private void upload(float[] gj, float[] gm) {
        float[] g = new float[gj.length + gm.length];
        System.arraycopy(gj, 0, g, 0, gj.length);
        System.arraycopy(gm, 0, g, gj.length, gm.length);
        backend.copyFromArray(g, critic.outputGradient());
    }

    /** Moving average of the training bound (nats); NaN before the first step. */
    double estimate() { return estimate; }

    List<Parameter> parameters() { return critic.parameters(); }

    Adam adam() { return adam; }

    double logMovingAverage() { return trainLoss.logMovingAverage(); }

    void restore(double logMovingAverage, double estimate) {
        trainLoss.restoreLogMovingAverage(logMovingAverage);
        this.estimate = estimate;
    }

    @Override
    public void close() {
        critic.close();
        adam.close();
        for (Tensor t : new Tensor[] {bRows, bGrad, folded}) if (t != null) t.close();
    }
}
