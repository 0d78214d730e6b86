package ibinit.init;

import ibinit.backend.Backend;
import ibinit.nn.ActivationLayer;
import ibinit.nn.Dense;
import ibinit.nn.Layer;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The scale of an initialized network on a data sample, per dense layer: the mean L2 norm of its
 * weight rows, the standard deviation of its pre-activations and of its activations (over every
 * element of the layer's output for the sample). For the output layer both are the logits'.
 * A method that keeps row norms but picks directions of large input variance shows up here as a
 * growing pre-activation scale with unchanged row norms.
 *
 * @param layer         the weight's name without {@code .weight}, e.g. {@code layers.0}
 * @param rowNorm       mean over output units of ||w_r||
 * @param preStd        std of (H W^T + b) over all samples and units
 * @param activationStd std of the layer's activation output (= preStd where no activation follows)
 */
public record LayerScales(String layer, int in, int out, double rowNorm, double preStd, double activationStd) {

    /** The scales of every dense layer of {@code net} on {@code sample} [n, inputs], first to last. */
    public static List<LayerScales> measure(Sequential net, Tensor sample) {
        Backend b = net.backend();
        List<Layer> layers = net.layers();
        List<LayerScales> out = new ArrayList<>();
        Tensor h = sample;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            h = l.forward(h);
            if (!(l instanceof Dense d)) continue;
            double pre = std(b, h), act = pre;
            if (i + 1 < layers.size() && layers.get(i + 1) instanceof ActivationLayer a) {
                h = a.forward(h);
                i++;
                act = std(b, h);
            }
            out.add(new LayerScales(d.weight().name().replace(".weight", ""), d.in(), d.out(), meanRowNorm(b, d), pre, act));
        }
        return List.copyOf(out);
    }

    private static double std(Backend b, Tensor x) {
        return Math.sqrt(b.columnMeanVar(x.view(Math.toIntExact(x.size()), 1), 0).variance()[0]);
    }

    private static double meanRowNorm(Backend b, Dense d) {
        float[] w = b.toFloatArray(d.weight().value());
        double sum = 0;
        for (int r = 0; r < d.out(); r++) {
            double s = 0;
            for (int c = 0; c < d.in(); c++) s += (double) w[r * d.in() + c] * w[r * d.in() + c];
            sum += Math.sqrt(s);
        }
        return sum / d.out();
    }
}
