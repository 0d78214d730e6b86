package ibinit.train.smoothing;

import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimator (c): Entropy-SGD (Chaudhari et al., ICLR 2017) with the box kernel as its noise. From
 * x' = mu = x, L inner steps on the step's mini-batch, each
 * x' <- x' - eta' (grad f(x') - gamma_t (x - x')), then x' <- x' + U[-R_i, R_i] on smoothed
 * layer i, then mu <- 0.75 mu + 0.25 x'; the step's gradient is x - mu, handed to the outer
 * optimizer (the paper's: Nesterov momentum 0.9). gamma_t = gamma (1 + gamma-growth)^t with t the
 * outer step (the scoping of the coupling). Every parameter moves in the inner loop; only the
 * smoothed weights get noise. One inner step costs one forward and backward pass, so a step
 * costs L passes; x' and mu are two extra copies of every parameter.
 * <p>Unlike Chaudhari's code, the inner steps reuse the outer step's mini-batch (as the box
 * kernel does), so an epoch still visits every training row once.
 */
final class EntropySgdStep extends SampledStep {
    private final List<Parameter> params;
    private final List<Tensor> inner = new ArrayList<>(); // x'
    private final List<Tensor> means = new ArrayList<>(); // mu

    EntropySgdStep(Sequential net, Smoothing smoothing, long seed) {
        super(net, smoothing, seed);
        this.params = net.parameters();
        for (Parameter p : params) {
            inner.add(bufferLike(p.value()));
            means.add(bufferLike(p.value()));
        }
    }

    @Override
    public double compute(Tensor x, Tensor labels, Tensor grad, int epoch, long step) {
        double[] r = radii(epoch);
        float eta = (float) smoothing.innerRate();
        float gamma = (float) (smoothing.gamma() * Math.pow(1 + smoothing.gammaGrowth(), step));
        int steps = smoothing.innerSteps();
        double reported = Double.NaN;
        try {
            for (int j = 0; j < params.size(); j++) {
                Parameter p = params.get(j);
                b.copy(p.value(), inner.get(j));
                b.copy(p.value(), means.get(j));
                p.substitute(inner.get(j));
            }
            for (int l = 0; l < steps; l++) {
                double loss = GradientStep.pass(net, x, labels, grad);
                if (!Double.isFinite(loss)) return loss;
                if (l == 0) reported = loss; // the loss at x
                for (int j = 0; j < params.size(); j++) {
                    Parameter p = params.get(j);
                    Tensor xi = inner.get(j);
                    // x' = (1 - eta gamma) x' + eta gamma x - eta grad f(x')
                    b.scale(1f - eta * gamma, xi);
                    b.axpy(eta * gamma, p.value(), xi);
                    b.axpy(-eta, p.grad(), xi);
                }
                for (int i = 0; i < targets.size(); i++) {
                    if (r[i] == 0) continue;
                    Tensor xi = inner.get(params.indexOf(targets.get(i).weight()));
                    b.perturbUniform(xi, xi, targets.get(i).stream(seed, step, steps, l), (float) r[i]);
                }
                for (int j = 0; j < params.size(); j++) {
                    b.scale(0.75f, means.get(j));
                    b.axpy(0.25f, inner.get(j), means.get(j));
                }
            }
            for (int j = 0; j < params.size(); j++) {
                Parameter p = params.get(j);
                b.copy(p.value(), p.grad());
                b.axpy(-1f, means.get(j), p.grad());
            }
        } finally {
            for (Parameter p : params) p.restore();
        }
        return reported;
    }

    @Override
    public void close() {
        for (Parameter p : params) p.restore();
        closeBuffers();
        inner.clear();
        means.clear();
    }
}
