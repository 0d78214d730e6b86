package ibinit.train;

import ibinit.data.SyntheticMixture;
import ibinit.nn.Architecture;
import ibinit.nn.Sequential;
import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.init.BiasInit;
import ibinit.init.InitContext;
import ibinit.init.Initializers;
import java.util.Map;

/** A small, well separated Gaussian mixture and a tiny MLP for it: seconds on the reference backend. */
final class TinyData {
    static final int CLASSES = 3, DIMS = 4;

    private TinyData() { }

    static ibinit.data.DataSplit mixture(int train, int test) {
        return SyntheticMixture.generate(CLASSES, DIMS, train, test, 4.0, 11);
    }

    static Sequential mlp(Backend b, long seed) {
        Sequential net = Sequential.build(b, Architecture.parse(DIMS + "-8-" + CLASSES), Activation.RELU, 0.01f);
        Initializers.create("kaiming-normal", Activation.RELU, 0.01f, BiasInit.ZEROS).initialize(net, InitContext.seeded(seed));
        return net;
    }

    /** Options for ibinit.data's synthetic set matching {@link #mixture}'s shape. */
    static Map<String, String> dataOptions() {
        return Map.of("classes", "3", "dims", "4", "trainSize", "120", "testSize", "60", "separation", "4", "seed", "11");
    }

    static RunSpec spec(String init, double lr, long seed) {
        return new RunSpec("synthetic", dataOptions(), DIMS + "-8-" + CLASSES, "relu", 0.01, init, "zeros", 16,
                new OptimizerSpec("sgd", lr, 0.9, false, 0), Schedule.CONSTANT, 3, 16, 0, seed, "java");
    }
}
