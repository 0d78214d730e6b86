package ibinit.nn;

import ibinit.text.Numbers;
import java.util.List;

/** PyTorch's Adam (L2 weight decay added to the gradient). */
public final class Adam implements Optimizer {
    private float lr;
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final OptimizerState first = new OptimizerState();
    private final OptimizerState second = new OptimizerState();
    private long step;

    public Adam(float lr, float beta1, float beta2, float eps, float weightDecay) {
        if (!(lr > 0) || !Float.isFinite(lr)) throw new IllegalArgumentException("learning rate must be > 0, got " + lr);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<Parameter> parameters) {
        step++;
        for (Parameter p : parameters) {
            p.value().backend().adam(p.value(), p.grad(), first.of(p), second.of(p), lr, beta1, beta2, eps, weightDecay, step);
        }
    }

    /** Steps taken (the bias correction's t); checkpoints save it with the moments. */
    public long stepCount() { return step; }

    /** Resumes at step {@code t}: the next step is t + 1. */
    public void restoreStepCount(long t) {
        if (t < 0) throw new IllegalArgumentException("step count must be >= 0, got " + t);
        step = t;
    }

    /** The first-moment buffer of {@code p} (zeros before its first step), for checkpoints to read and restore. */
    public ibinit.tensor.Tensor firstMoment(Parameter p) { return first.of(p); }

    /** The second-moment buffer of {@code p} (zeros before its first step). */
    public ibinit.tensor.Tensor secondMoment(Parameter p) { return second.of(p); }

    @Override public float learningRate() { return lr; }
    @Override public void setLearningRate(float lr) { this.lr = lr; }

    @Override
    public String describe() {
        return "adam(lr=" + Numbers.format(lr) + ", betas=(" + Numbers.format(beta1) + ", " + Numbers.format(beta2) + "), eps="
                + Numbers.format(eps) + ", weight_decay=" + Numbers.format(weightDecay) + ")";
    }

    @Override
    public void close() {
        first.close();
        second.close();
    }
}
