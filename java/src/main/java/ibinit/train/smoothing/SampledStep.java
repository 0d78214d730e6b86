package ibinit.train.smoothing;

import ibinit.backend.Backend;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * What the two sampled smoothed steps share: the network and its backend, the protocol, the seed
 * their draws are keyed by, the smoothed tensors with their radii per epoch, and work buffers
 * shaped like parameters that the step owns and closes.
 */
abstract class SampledStep implements GradientStep {
    final Sequential net;
    final Backend b;
    final Smoothing smoothing;
    final long seed;
    final List<SmoothedWeights.Target> targets;
    private final List<Tensor> buffers = new ArrayList<>();

    SampledStep(Sequential net, Smoothing smoothing, long seed) {
        this.net = net;
        this.b = net.backend();
        this.smoothing = smoothing;
        this.seed = seed;
        this.targets = SmoothedWeights.of(net, smoothing);
    }

    /** A work buffer shaped like {@code t}, closed with the step; when an allocation fails, the ones made so far are closed first. */
    final Tensor bufferLike(Tensor t) {
        try {
            Tensor x = b.allocate(t.dtype(), t.shape());
            buffers.add(x);
            return x;
        } catch (RuntimeException e) {
            closeBuffers();
            throw e;
        }
    }

    final void closeBuffers() {
        buffers.forEach(Tensor::close);
        buffers.clear();
    }

    @Override
    public final double[] radii(int epoch) { return smoothing.radiiAt(epoch, targets.size()); }
}
