package ibinit.train.smoothing;

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
 * included: they see the perturbed activations): each pass scales d(loss)/d(logits) by 1/passes
 * and every pass after the first adds its gradients to the parameters' ({@link
 * Sequential#backward(Tensor, boolean)}). So a step costs K extra passes plus one sweep per
 * smoothed tensor (the draw); the weights are kept once, plus the one perturbed buffer per
 * smoothed tensor, and no gradient copy. A layer whose radius is 0 in an epoch is not drawn and
 * reads W.
 */
final class BoxSmoothedStep extends SampledStep {
    private final List<Tensor> perturbed = new ArrayList<>();
    private final int passes;

    BoxSmoothedStep(Sequential net, Smoothing smoothing, long seed) {
        super(net, smoothing, seed);
        this.passes = smoothing.points() + (smoothing.estimator() == Estimator.MEAN ? 1 : 0);
        for (SmoothedWeights.Target t : targets) perturbed.add(bufferLike(t.weight().value()));
    }

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
                double loss = GradientStep.pass(net, x, labels, grad, 1f / passes, pass > 0);
                if (!Double.isFinite(loss)) return loss;
                // (b) reports the loss at W; (a) the mean loss at the points
                reported = smoothing.estimator() == Estimator.MEAN ? loss : reported + loss / passes;
            }
        } finally {
            for (SmoothedWeights.Target t : targets) t.weight().restore();
        }
        return reported;
    }

    @Override
    public void close() {
        for (SmoothedWeights.Target t : targets) t.weight().restore();
        closeBuffers();
        perturbed.clear();
    }
}
