package ibinit.init;

import ibinit.backend.RandomStream;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import java.util.List;

/**
 * A data-free method: every weight tensor drawn by one rule, every bias by {@link BiasInit}.
 * Parameter k uses sub-stream k of the seed, so a layer's weights do not depend on how many
 * numbers other layers drew.
 */
public final class ClassicInitializer implements Initializer {
    private final String name;
    private final WeightFill weights;
    private final BiasInit bias;

    public ClassicInitializer(String name, WeightFill weights, BiasInit bias) {
        this.name = name;
        this.weights = weights;
        this.bias = bias;
    }

    @Override public String name() { return name; }

    @Override
    public void initialize(Sequential net, InitContext context) {
        List<Parameter> params = net.parameters();
        for (int k = 0; k < params.size(); k++) {
            Parameter p = params.get(k);
            RandomStream rs = ibinit.rng.Streams.parameter(context.random(), k);
            if (p.kind() == Parameter.Kind.WEIGHT) weights.fill(p, rs);
            else bias.apply(p, rs);
        }
    }
}
