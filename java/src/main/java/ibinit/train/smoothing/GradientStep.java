package ibinit.train.smoothing;

import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;

/**
 * One training step's gradient: sets every parameter's {@link ibinit.nn.Parameter#grad()} for a
 * mini-batch and returns the loss the step reports (NaN or infinite when a pass diverged). The
 * optimizer step that follows is the caller's.
 */
public interface GradientStep extends AutoCloseable {

    /**
     * @param x      the batch's features
     * @param labels its int32 labels
     * @param grad   a [rows, classes] buffer for d(loss)/d(logits), overwritten
     * @param epoch  the epoch, from 1 (it sets the radii)
     * @param step   the run's step index, from 0 across epochs (it keys the perturbation streams)
     */
    double compute(Tensor x, Tensor labels, Tensor grad, int epoch, long step);

    /** The radii the smoothed layers have in {@code epoch} (from 1), first to last; empty when nothing is smoothed. */
    default double[] radii(int epoch) { return new double[0]; }

    @Override
    default void close() { }

    /** The step {@code smoothing} describes for {@code net}, perturbations keyed by {@code seed}. */
    static GradientStep open(Sequential net, Smoothing smoothing, long seed) {
        if (!smoothing.enabled()) return new Plain(net);
        return smoothing.estimator() == Estimator.ENTROPY_SGD ? new EntropySgdStep(net, smoothing, seed)
                : new BoxSmoothedStep(net, smoothing, seed);
    }

    /** Forward, softmax cross-entropy and backward at the weights layers read now. */
    static double pass(Sequential net, Tensor x, Tensor labels, Tensor grad) { return pass(net, x, labels, grad, 1f, false); }

    /**
     * As {@link #pass(Sequential, Tensor, Tensor, Tensor)}, the parameter gradients scaled by
     * {@code scale} and, with {@code accumulate}, added to the ones the parameters hold. The scale
     * is applied to d(loss)/d(logits), a [rows, classes] tensor, and backward is linear in it, so
     * averaging passes needs no sweep over the parameters (for a power of two the result is exactly
     * the scaled gradient).
     */
    static double pass(Sequential net, Tensor x, Tensor labels, Tensor grad, float scale, boolean accumulate) {
        Tensor logits = net.forward(x);
        double loss = net.backend().softmaxCrossEntropy(logits, labels, grad);
        if (!Double.isFinite(loss)) return loss;
        if (scale != 1f) net.backend().scale(scale, grad);
        net.backward(grad, accumulate);
        return loss;
    }

    /** The plain step: one pass at W. */
    record Plain(Sequential net) implements GradientStep {
        @Override
        public double compute(Tensor x, Tensor labels, Tensor grad, int epoch, long step) { return pass(net, x, labels, grad); }
    }
}
