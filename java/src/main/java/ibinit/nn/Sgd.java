package ibinit.nn;

import ibinit.text.Numbers;
import java.util.List;

/** PyTorch's SGD: momentum, Nesterov, L2 weight decay (applied to every parameter, biases too, as PyTorch does by default). */
public final class Sgd implements Optimizer {
    private float lr;
    private final float momentum;
    private final float weightDecay;
    private final boolean nesterov;
    private final OptimizerState velocity = new OptimizerState();

    public Sgd(float lr, float momentum, float weightDecay, boolean nesterov) {
        if (!(lr > 0) || !Float.isFinite(lr)) throw new IllegalArgumentException("learning rate must be > 0, got " + lr);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must lie in [0, 1), got " + momentum);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        if (nesterov && momentum == 0) throw new IllegalArgumentException("Nesterov momentum needs --momentum > 0");
        this.lr = lr;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            p.value().backend().sgdMomentum(p.value(), p.grad(), velocity.of(p), lr, momentum, weightDecay, nesterov);
        }
    }

    @Override public float learningRate() { return lr; }
    @Override public void setLearningRate(float lr) { this.lr = lr; }

    @Override
    public String describe() {
        return "sgd(lr=" + Numbers.format(lr) + ", momentum=" + Numbers.format(momentum) + (nesterov ? ", nesterov" : "")
                + ", weight_decay=" + Numbers.format(weightDecay) + ")";
    }

    @Override public void close() { velocity.close(); }
}
