package ibinit.init.ibci;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.init.Gain;
import ibinit.init.InitContext;
import ibinit.init.Initializer;
import ibinit.nn.ActivationLayer;
import ibinit.nn.Dense;
import ibinit.nn.Layer;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.List;

/**
 * IBCI, neuron campaign initialization (Mao et al., CIKM 2021). Dense layers are initialized
 * first to last. For each: H is the sample pushed through the layers elected so far; K candidates
 * are drawn from the base initializer with the layer's true fan-in (from the weight's own random
 * sub-stream, as every method here, so a seed gives the same candidates on every backend); their
 * outputs on H are scored ({@link CandidateMoments}, {@link CandidateScores}); the campaign elects
 * the layer's neurons ({@link NeuronCampaign}); biases are 0; H moves on through the layer.
 */
public final class Ibci implements Initializer {
    private static final System.Logger LOG = System.getLogger(Ibci.class.getName());

    private final IbciOptions options;
    private final String name;

    public Ibci(IbciOptions options, String name) {
        this.options = options;
        this.name = name;
    }

    public IbciOptions options() { return options; }

    @Override public String name() { return name; }

    @Override
    public void initialize(Sequential net, InitContext context) {
        Backend b = net.backend();
        Tensor sample = context.requireSample(name);
        if (context.sampleLabels() == null) throw new IllegalArgumentException(name + " needs the labels of its data sample");
        Tensor labels = context.sampleLabels();
        int classes = net.architecture().outputSize();
        int[] hostLabels = checkedLabels(b, labels, sample, classes);
        List<Layer> layers = net.layers();
        List<Parameter> params = net.parameters();
        int dense = 0;
        for (Layer l : layers) {
            if (l instanceof Dense) dense++;
            else if (!l.parameters().isEmpty()) throw new IllegalArgumentException(name + " initializes dense layers only, not " + l.describe());
        }
        int first = 0;
        while (!(layers.get(first) instanceof Dense)) first++;
        Tensor h = net.forwardPrefix(sample, first);
        int index = 0;
        for (int i = first; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l instanceof Dense layer) {
                boolean output = index == dense - 1;
                Activation act = Activation.IDENTITY;
                float param = 0;
                if (i + 1 < layers.size() && layers.get(i + 1) instanceof ActivationLayer al) {
                    act = al.activation();
                    param = al.param();
                }
                RandomStream rs = ibinit.rng.Streams.parameter(context.random(), params.indexOf(layer.weight()));
                electLayer(b, layer, h, labels, hostLabels, classes, act, param, output, options.alphaFor(index, dense), rs, net);
                index++;
            }
            if (i + 1 < layers.size()) h = l.forward(h);
        }
    }

    private void electLayer(Backend b, Dense layer, Tensor h, Tensor labels, int[] hostLabels, int classes, Activation act, float param,
                            boolean output, double alpha, RandomStream rs, Sequential net) {
        String where = layer.weight().name().replace(".weight", "");
        int nOut = layer.out(), dIn = layer.in();
        int pool = options.poolFor(nOut);
        double gain = heGain(net);
        long t0 = System.nanoTime();
        try (Tensor candidates = options.base().draw(b, pool, dIn, nOut, gain, rs)) {
            CandidateMoments moments = CandidateMoments.measure(b, h, labels, hostLabels, classes, candidates, act, param);
            CandidateScores scores = CandidateScores.compute(moments, options.scoring(), alpha);
            float[] host = b.toFloatArray(candidates);
            int[] elected = NeuronCampaign.elect(b, candidates, host, scores, moments, nOut, output, where);
            float[] w = new float[nOut * dIn];
            for (int r = 0; r < nOut; r++) System.arraycopy(host, elected[r] * dIn, w, r * dIn, dIn);
            b.copyFromArray(w, layer.weight().value());
            b.copyFromArray(new float[nOut], layer.bias().value());
            if (options.rescale()) rescale(b, layer, moments, elected, where);
            int live = 0;
            for (boolean x : scores.live()) if (x) live++;
            LOG.log(System.Logger.Level.DEBUG, String.format("ibci %s: %d of %d candidates (%d live, a = %.3g) elected in %.1f ms", where, nOut, pool, live, alpha,
                    (System.nanoTime() - t0) / 1e6));
        }
    }

    /**
     * Option {@code rescale}: one factor for the layer's weights so that the mean variance of its
     * outputs act(H w_r) over the elected neurons equals the mean over the whole candidate pool,
     * which is drawn from the base initializer: the base method's output variance on this input.
     * The campaign favours neurons of large output spread, which otherwise grows the scale layer by
     * layer. Exact for ReLU, leaky ReLU and identity (outputs scale with the weights), approximate
     * for saturating activations. The moments are the campaign's own: no extra pass over H.
     */
    private void rescale(Backend b, Dense layer, CandidateMoments moments, int[] elected, String where) {
        double pool = 0, chosen = 0;
        for (int j = 0; j < moments.candidates(); j++) pool += moments.totalVariance(j) / moments.candidates();
        for (int j : elected) chosen += moments.totalVariance(j) / elected.length;
        if (!(chosen > 0) || !(pool > 0)) {
            LOG.log(System.Logger.Level.INFO, "ibci " + where + ": not rescaled (output variance " + chosen + " elected, " + pool + " in the pool)");
            return;
        }
        double factor = Math.sqrt(pool / chosen);
        b.scale((float) factor, layer.weight().value());
        LOG.log(System.Logger.Level.DEBUG, String.format(java.util.Locale.ROOT, "ibci %s: rescaled by %.4g (output variance %.4g elected, %.4g in the pool)", where, factor, chosen, pool));
    }

    /** The registry's He gain: that of the network's activation (leaky slope from its activation layers). */
    private static double heGain(Sequential net) {
        float slope = 0;
        for (Layer l : net.layers()) if (l instanceof ActivationLayer al) slope = al.param();
        return Gain.of(net.activation(), slope);
    }

    /** Host copy of the labels, checked against the sample and the class count. */
    private int[] checkedLabels(Backend b, Tensor labels, Tensor sample, int classes) {
        if (labels.size() != sample.rows()) {
            throw new IllegalArgumentException(name + ": " + labels.size() + " labels for a sample of " + sample.rows() + " rows");
        }
        if (sample.rows() == 0) throw new IllegalArgumentException(name + " needs a non-empty data sample");
        int[] y = b.toIntArray(labels);
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException(name + ": label " + y[i] + " of sample " + i + " is outside the network's "
                        + classes + " classes");
            }
        }
        return y;
    }
}
