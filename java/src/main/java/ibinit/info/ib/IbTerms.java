package ibinit.info.ib;

import ibinit.backend.Backend;
import ibinit.tensor.Tensor;
import java.util.Locale;

/**
 * The two IB terms of one representation L (a hidden layer, or the network's output) and their
 * critics: D_y, plain MINE on (one-hot y, L), for I(Y; L); and D_x for I(X; L + eps), AA-MINE's
 * critic with the network's own layers as its frozen view: it sees (L with gradients stopped,
 * L + eps), so it only has to learn a distance. A critic is made only for a term whose weight is
 * not 0. The network's loss is -iyWeight I(Y; L) + ixWeight I(X; L + eps); its gradient with
 * respect to L reaches L through each critic's b input (through L + eps for D_x).
 */
final class IbTerms implements AutoCloseable {
    private final Backend backend;
    private final double iyWeight, ixWeight;
    private final float sigma;
    private final IbCritic dy, dx; // null when the term's weight is 0
    private Tensor noisy;

    IbTerms(Backend backend, int width, int classes, IbConfig c, long dySeed, long dxSeed) {
        this.backend = backend;
        this.iyWeight = c.effectiveIy();
        this.ixWeight = c.effectiveIx();
        this.sigma = (float) Math.sqrt(c.noiseVariance());
        this.dy = iyWeight > 0 ? new IbCritic(backend, classes, width, c.criticHidden(), c.criticLr(), dySeed) : null;
        this.dx = ixWeight > 0 ? new IbCritic(backend, width, width, c.criticHidden(), c.criticLr(), dxSeed) : null;
    }

    boolean active() { return dy != null || dx != null; }

    /** One update of each critic on a batch: y one-hot [n, classes], L [n, width]; noise draw {@code draw} of the step. */
    void trainCritics(Tensor y, Tensor l, StepRandom r, int draw) {
        if (dy != null) dy.train(y, l, r.permutation(l.rows()));
        if (dx != null) dx.train(l, noisy(l, r, draw), r.permutation(l.rows()));
    }

    /** dL += d(-iyWeight I(Y;L) + ixWeight I(X;L + eps))/dL for the batch. */
    void addGradient(Tensor y, Tensor l, Tensor dL, StepRandom r, int draw) {
        if (dy != null) dy.addGradient(y, l, r.permutation(l.rows()), -iyWeight, dL);
        if (dx != null) dx.addGradient(l, noisy(l, r, draw), r.permutation(l.rows()), ixWeight, dL); // d(L + eps)/dL = I
    }

    /** L + eps, eps ~ N(0, sigma^2 I) from the step's noise draw. */
    private Tensor noisy(Tensor l, StepRandom r, int draw) {
        if (noisy == null || noisy.rows() != l.rows() || noisy.cols() != l.cols()) {
            if (noisy != null) noisy.close();
            noisy = backend.zeros(l.rows(), l.cols());
        }
        backend.fillNormal(noisy, r.noise(draw), 0f, sigma);
        backend.axpy(1f, l, noisy);
        return noisy;
    }

    /** Moving averages of the critics' bounds (nats): I(Y; L), I(X; L + eps); NaN for a term not trained. */
    double iy() { return dy == null ? Double.NaN : dy.estimate(); }

    double ix() { return dx == null ? Double.NaN : dx.estimate(); }

    /** The critics by checkpoint prefix: {@code dy}, {@code dx} (absent ones left out). */
    java.util.Map<String, IbCritic> critics() {
        java.util.Map<String, IbCritic> m = new java.util.LinkedHashMap<>();
        if (dy != null) m.put("dy", dy);
        if (dx != null) m.put("dx", dx);
        return m;
    }

    String status() {
        StringBuilder s = new StringBuilder();
        if (dy != null) s.append(String.format(Locale.ROOT, "I(Y;L) %.3f", iy()));
        if (dx != null) s.append(s.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "I(X;L+eps) %.3f", ix()));
        return s.isEmpty() ? "" : s.append(" nats").toString();
    }

    @Override
    public void close() {
        if (dy != null) dy.close();
        if (dx != null) dx.close();
        if (noisy != null) noisy.close();
    }
}
