package ibinit.init;

import ibinit.backend.Backend;
import ibinit.backend.ColumnStats;
import ibinit.nn.ActivationLayer;
import ibinit.nn.Layer;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.List;

/**
 * Layer-sequential unit variance (Mishkin and Matas, ICLR 2016):
 * orthonormal pre-initialization, then for each weight layer, first to last, rescale W by
 * 1/sqrt(Var(output)) on a fixed batch until |Var - 1| < tol or t_max iterations. Variance over
 * all elements of the layer's output, measured before the activation (Caffe, the default) or
 * after it. Biases stay as the pre-initialization left them.
 */
public final class Lsuv implements Initializer {
    private static final System.Logger LOG = System.getLogger(Lsuv.class.getName());

    private final double tolerance;
    private final int maxIterations;
    private final boolean afterActivation;
    private final Initializer preInit;

    /**
     * @param preInit orthonormal pre-initialization, or any other method when that step is switched off
     */
    public Lsuv(double tolerance, int maxIterations, boolean afterActivation, Initializer preInit) {
        if (!(tolerance > 0)) throw new IllegalArgumentException("LSUV tolerance must be > 0, got " + tolerance);
        if (maxIterations < 1) throw new IllegalArgumentException("LSUV needs at least 1 iteration, got " + maxIterations);
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.afterActivation = afterActivation;
        this.preInit = preInit;
    }

    @Override public String name() { return "lsuv"; }

    @Override
    public void initialize(Sequential net, InitContext context) {
        preInit.initialize(net, context);
        Tensor sample = context.requireSample("lsuv");
        Backend b = net.backend();
        List<Layer> layers = net.layers();
        int weightIndex = 0;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).parameters().isEmpty()) continue;
            Parameter w = layers.get(i).parameters().getFirst();
            int measured = afterActivation && i + 1 < layers.size() && layers.get(i + 1) instanceof ActivationLayer ? i + 1 : i;
            double variance = Double.NaN;
            int iteration = 0;
            for (; iteration < maxIterations; iteration++) {
                variance = outputVariance(net, sample, measured);
                if (!(variance > 0) || !Double.isFinite(variance)) {
                    throw new IllegalArgumentException("LSUV: the output of layer " + weightIndex + " (" + layers.get(i).describe()
                            + ") has variance " + variance + " on the sample: a dead layer cannot be scaled to unit variance");
                }
                if (Math.abs(variance - 1) < tolerance) break;
                b.scale((float) (1 / Math.sqrt(variance)), w.value());
            }
            LOG.log(System.Logger.Level.DEBUG, "LSUV layer " + weightIndex + ": variance " + variance + " after " + iteration + " rescalings");
            weightIndex++;
        }
    }

    /** Variance of every element of layer {@code upTo}'s output for the sample. */
    private static double outputVariance(Sequential net, Tensor sample, int upTo) {
        Tensor h = net.forwardPrefix(sample, upTo + 1);
        Tensor flat = h.view(Math.toIntExact(h.size()), 1);
        ColumnStats s = net.backend().columnMeanVar(flat, 0);
        return s.variance()[0];
    }
}
