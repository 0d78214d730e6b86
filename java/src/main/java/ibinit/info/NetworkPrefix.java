package ibinit.info;

import ibinit.backend.Backend;
import ibinit.nn.ActivationLayer;
import ibinit.nn.Adam;
import ibinit.nn.Dense;
import ibinit.nn.Flatten;
import ibinit.nn.Layer;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * F_i: layers 1..i of a network (the i-th weight layer and the activation after it), as AA-MINE's
 * critic sees them. A frozen view runs the network's own layers (no copy, no gradient; it reuses
 * their buffers, so do not run it between the network's own forward and backward). A trainable
 * copy owns copies of those layers, initialised from the network's current weights, that the
 * critic's Adam trains along with it.
 */
final class NetworkPrefix implements AutoCloseable {
    private final Sequential network;
    private final int count;
    private final List<Layer> copy; // null for the frozen view
    private final Adam adam;

    private NetworkPrefix(Sequential network, int count, List<Layer> copy, Adam adam) {
        this.network = network;
        this.count = count;
        this.copy = copy;
        this.adam = adam;
    }

    /** How many entries of network.layers() make up weight layers 1..i and the activation after layer i. */
    static int layerCount(Sequential network, int i) {
        List<Layer> layers = network.layers();
        int seen = 0;
        for (int k = 0; k < layers.size(); k++) {
            if (!layers.get(k).parameters().isEmpty() && ++seen == i) {
                boolean activation = k + 1 < layers.size() && layers.get(k + 1) instanceof ActivationLayer;
                return activation ? k + 2 : k + 1;
            }
        }
        throw new IllegalArgumentException("layer " + i + " of " + network.describe() + ": it has " + seen + " weight layers (count from 1)");
    }

    static NetworkPrefix frozen(Sequential network, int i) {
        return new NetworkPrefix(network, layerCount(network, i), null, null);
    }

    static NetworkPrefix trainableCopy(Sequential network, int i, float learningRate) {
        int count = layerCount(network, i);
        Backend backend = network.backend();
        List<Layer> copy = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Layer l = network.layers().get(k);
            switch (l) {
                case Dense d -> {
                    Dense c = new Dense(backend, "aamine.copy." + k, d.in(), d.out());
                    backend.copy(d.weight().value(), c.weight().value());
                    backend.copy(d.bias().value(), c.bias().value());
                    copy.add(c);
                }
                case ActivationLayer a -> copy.add(new ActivationLayer(backend, a.activation(), a.param()));
                case Flatten f -> copy.add(new Flatten());
                default -> {
                    copy.forEach(Layer::close);
                    throw new UnsupportedOperationException("AA-MINE cannot copy " + l.describe() + " yet (dense, activation and flatten only)");
                }
            }
        }
        return new NetworkPrefix(network, count, copy, new Adam(learningRate, 0.9f, 0.999f, 1e-8f, 0f));
    }

    boolean trainable() { return copy != null; }

    /** F_i(x) as the network itself computes it now (the layer whose information is measured). */
    Tensor network(Tensor x) { return network.forwardPrefix(x, count); }

    /** F_i(x) as the critic sees it: the network's own layers, or the trainable copy. */
    Tensor features(Tensor x) {
        if (copy == null) return network(x);
        Tensor h = x;
        for (Layer l : copy) h = l.forward(h);
        return h;
    }

    /** Backward through the copy from d(loss)/d(features), then one Adam step on it. */
    void train(Tensor featureGradient) {
        if (copy == null) throw new IllegalStateException("a frozen view is not trained");
        int first = 0;
        while (first < copy.size() && copy.get(first).parameters().isEmpty()) first++;
        Tensor g = featureGradient;
        for (int k = copy.size() - 1; k > first; k--) g = copy.get(k).backward(g);
        copy.get(first).backwardParametersOnly(g);
        List<Parameter> params = new ArrayList<>();
        for (Layer l : copy) params.addAll(l.parameters());
        adam.step(params);
    }

    String describe() {
        return (copy == null ? "frozen view of " : "trainable copy of ") + network.layers().subList(0, count).stream()
                .map(Layer::describe).reduce((p, q) -> p + " | " + q).orElse("");
    }

    @Override
    public void close() {
        if (copy != null) copy.forEach(Layer::close);
        if (adam != null) adam.close();
    }
}
