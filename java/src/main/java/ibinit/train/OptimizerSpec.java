package ibinit.train;

import ibinit.nn.Adam;
import ibinit.nn.Optimizer;
import ibinit.nn.Sgd;
import java.util.Locale;

/**
 * Which optimizer and its settings, as plain fields for a JSON run description. {@code sgd} is
 * PyTorch's SGD (momentum, Nesterov, L2 weight decay); {@code adam} is PyTorch's Adam with
 * betas (0.9, 0.999) and eps 1e-8, where momentum and Nesterov do not apply.
 */
public record OptimizerSpec(String name, double learningRate, double momentum, boolean nesterov, double weightDecay) {
    public OptimizerSpec {
        name = name.trim().toLowerCase(Locale.ROOT);
        if (!name.equals("sgd") && !name.equals("adam")) {
            throw new IllegalArgumentException("unknown optimizer '" + name + "' (choose from sgd, adam)");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("--lr must be a positive number, got " + learningRate);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("--weight-decay must be >= 0, got " + weightDecay);
        }
        if (name.equals("sgd")) {
            if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("--momentum must lie in [0, 1), got " + momentum);
            if (nesterov && momentum == 0) throw new IllegalArgumentException("--nesterov needs --momentum > 0");
        } else if (nesterov) {
            throw new IllegalArgumentException("--nesterov applies to --optimizer sgd only");
        }
    }

    public Optimizer create() {
        return name.equals("adam")
                ? new Adam((float) learningRate, 0.9f, 0.999f, 1e-8f, (float) weightDecay)
                : new Sgd((float) learningRate, (float) momentum, (float) weightDecay, nesterov);
    }
}
