package ibinit.train.smoothing;

import ibinit.backend.RandomStream;
import ibinit.nn.Layer;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import ibinit.rng.Streams;
import java.util.ArrayList;
import java.util.List;

/**
 * The weight tensors a protocol smooths in a network, first to last, with their base radii and
 * their perturbation streams ({@link Streams#smoothing}: every draw of every step is a fresh slice
 * that depends on nothing else).
 */
final class SmoothedWeights {
    record Target(Parameter weight, int layer, double baseRadius) {
        RandomStream stream(long seed, long step, int drawsPerStep, int draw) {
            return Streams.smoothing(seed, layer, step, drawsPerStep, draw, weight.value().size());
        }
    }

    private SmoothedWeights() { }

    static List<Target> of(Sequential net, Smoothing smoothing) {
        List<Integer> layers = smoothing.smoothedLayers(net.architecture());
        double[] radii = smoothing.baseRadii(layers.size());
        List<Layer> weightLayers = net.weightLayers();
        List<Target> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            int l = layers.get(i);
            Parameter w = weightLayers.get(l - 1).parameters().stream().filter(p -> p.kind() == Parameter.Kind.WEIGHT).findFirst()
                    .orElseThrow();
            out.add(new Target(w, l, radii[i]));
        }
        return List.copyOf(out);
    }
}
