package ibinit.train.smoothing;

import ibinit.backend.RandomStream;
import ibinit.nn.Layer;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import java.util.ArrayList;
import java.util.List;

/**
 * The weight tensors a protocol smooths in a network, first to last, with their base radii and
 * their perturbation streams: weight layer i (from 1) draws from Philox sub-stream
 * {@code STREAM_BASE + i} of the run's seed, at offset (step * draws + draw) * (size rounded up
 * to 4), so every draw of every step is a fresh, whole-block slice that depends on nothing else.
 */
final class SmoothedWeights {
    /** "SM" in the high half: far from the initializers' sub-streams (k and 1024 s + k). */
    static final int STREAM_BASE = 0x534D_0000;

    record Target(Parameter weight, int layer, double baseRadius) {
        RandomStream stream(long seed, long step, int drawsPerStep, int draw) {
            long stride = (weight.value().size() + 3) & ~3L;
            return new RandomStream(seed, STREAM_BASE + layer, Math.multiplyExact(Math.addExact(Math.multiplyExact(step, drawsPerStep), draw), stride));
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
