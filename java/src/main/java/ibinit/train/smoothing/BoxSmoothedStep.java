package ibinit.train.smoothing;

import ibinit.backend.Backend;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The sampled box kernel, estimators (a) and (b). Each extra point k = 1..K draws
 * W'_k = W + dW_k (dW uniform in [-R_i, R_i] on smoothed layer i) into one perturbed buffer per
 * smoothed tensor with one backend call, lets the layers read it in place of W, and runs a
 * forward and backward pass on the step's mini-batch; (b) adds the pass at W. The gradients of
 * all passes are averaged into {@link Parameter#grad()} (for every parameter, head and biases
 * included: they see the perturbed activations). So a step costs K extra passes plus a few
 * memory-bound sweeps (the draw, one copy or add per parameter); the weights themselves are
 * kept once, plus the one perturbed buffer per smoothed tensor. A layer whose radius is 0 in an
 * epoch is not drawn and reads W.
 */
final class BoxSmoothedStep implements GradientStep {
    private final Sequential net;
    private final Backend b;
    private final Smoothing smoothing;
    private final long seed;
    private final List<SmoothedWeights.Target> targets;
    private final List<Tensor> perturbed = new ArrayList<>();
    private final List<Parameter> params;
    private final List<Tensor> sums = new ArrayList<>(); // gradient sums over the passes (only with more than one pass)
    private final int passes;

    BoxSmoothedStep(Sequential net, Smoothing smoothing, long seed) {
        this.net = net;
        this.b = net.backend();
        this.smoothing = smoothing;
        this.seed = seed;
        this.targets = SmoothedWeights.of(net, smoothing);
        this.params = net.parameters();
        this.passes = smoothing.points() + (smoothing.estimator() == Estimator.MEAN ? 1 : 0);
        try {
            for (SmoothedWeights.Target t : targets) perturbed.add(b.allocate(t.weight().value().dtype(), t.weight().value().shape()));
            if (passes > 1) for (Parameter p : params) sums.add(b.allocate(p.grad().dtype(), p.grad().shape()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public double[] radii(int epoch) { return smoothing.radiiAt(epoch, targets.size()); }

    @Override
    public double compute(Tensor x, Tensor labels, Tensor grad, int epoch, long step) {
        double[] r = radii(epoch);
        double reported = 0;
        try {
            for (int pass = 0; pass < passes; pass++) {
                boolean atW = pass == smoothing.points(); // (b): the last pass is the plain one
                for (int i = 0; i < targets.size(); i++) {
                    SmoothedWeights.Target t = targets.get(i);
                    if (atW || r[i] == 0) {
                        t.weight().restore();
                    } else {
                        b.perturbUniform(t.weight().value(), perturbed.get(i), t.stream(seed, step, smoothing.points(), pass), (float) r[i]);
                        t.weight().substitute(perturbed.get(i));
                    }
                }
                double loss = GradientStep.pass(net, x, labels, grad, 1f / passes);
                if (!Double.isFinite(loss)) return loss;
                // (b) reports the loss at W; (a) the mean loss at the points
                reported = smoothing.estimator() == Estimator.MEAN ? loss : reported + loss / passes;
                accumulate(pass);
            }
        } finally {
            for (SmoothedWeights.Target t : targets) t.weight().restore();
        }
        return reported;
    }

    /**
     * Each pass's gradients come out already divided by the number of passes (see
     * {@link GradientStep#pass(Sequential, Tensor, Tensor, Tensor, float)}): the first starts the
     * sums, the last adds them, which leaves the mean in the gradients. Two sweeps over the
     * parameters for K = 1 (a copy and an add).
     */
    private void accumulate(int pass) {
        if (passes == 1) return;
        for (int j = 0; j < params.size(); j++) {
            Tensor g = params.get(j).grad(), s = sums.get(j);
            if (pass == 0) {
                b.copy(g, s);
            } else if (pass < passes - 1) {
                b.axpy(1f, g, s);
            } else {
                b.axpy(1f, s, g);
            }
        }
    }

    @Override
    public void close() {
        for (SmoothedWeights.Target t : targets) t.weight().restore();
        perturbed.forEach(Tensor::close);
        sums.forEach(Tensor::close);
        perturbed.clear();
        sums.clear();
    }
}
