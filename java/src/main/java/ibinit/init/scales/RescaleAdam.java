package ibinit.init.scales;

/**
 * The scale optimizer of GradInit and NIO: Adam on one positive scale per parameter tensor, each
 * gradient clipped to +-1, with separate first moments for constraint and objective steps and one
 * shared second moment (beta1 0.9, beta2 0.999, eps 1e-8, learning rate tau), then clamped from
 * below at the tensor's s_min. The first moment's bias correction counts the steps of its own
 * kind; the shared second moment's counts every step (it is updated on every step).
 */
public final class RescaleAdam {
    static final double BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;

    private final double lr;
    private final double[] minScale;
    private final double[] constraintMoment, objectiveMoment, secondMoment;
    private int constraintSteps, objectiveSteps, steps;

    public RescaleAdam(double lr, double[] minScale) {
        if (!(lr > 0) || !Double.isFinite(lr)) throw new IllegalArgumentException("tau must be > 0, got " + lr);
        this.lr = lr;
        this.minScale = minScale.clone();
        this.constraintMoment = new double[minScale.length];
        this.objectiveMoment = new double[minScale.length];
        this.secondMoment = new double[minScale.length];
    }

    /** One step on the scales {@code s} (updated in place) for gradients {@code grad}; entries with {@code active[k]} false stay. */
    public void step(double[] s, double[] grad, boolean[] active, boolean constraint) {
        steps++;
        int own = constraint ? ++constraintSteps : ++objectiveSteps;
        double[] m = constraint ? constraintMoment : objectiveMoment;
        double c1 = 1 - Math.pow(BETA1, own), c2 = 1 - Math.pow(BETA2, steps);
        for (int k = 0; k < s.length; k++) {
            if (!active[k]) continue;
            double g = Math.max(-1, Math.min(1, grad[k]));
            m[k] = BETA1 * m[k] + (1 - BETA1) * g;
            secondMoment[k] = BETA2 * secondMoment[k] + (1 - BETA2) * g * g;
            double denom = Math.sqrt(secondMoment[k] / c2) + EPS;
            s[k] = Math.max(minScale[k], s[k] - lr / c1 * m[k] / denom);
        }
    }

    double constraintMoment(int k) { return constraintMoment[k]; }
    double objectiveMoment(int k) { return objectiveMoment[k]; }
    double secondMoment(int k) { return secondMoment[k]; }
}
