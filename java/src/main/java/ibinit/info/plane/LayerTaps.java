package ibinit.info.plane;

import ibinit.backend.Backend;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Every weight layer's representation T_i of a batch of inputs: the activation after hidden layer
 * i, and for the last layer either the logits (the layer as the network computes it, which is
 * what AA-MINE's critic sees) or their softmax (Shwartz-Ziv and Tishby's output layer, bounded in
 * [0, 1] so that fixed-range binning applies).
 */
public final class LayerTaps {
    private LayerTaps() { }

    /** Copies the caller owns (close them), first layer first. */
    public static List<Tensor> collect(Sequential net, Tensor x, boolean softmaxOutput) {
        Backend b = net.backend();
        int count = net.weightLayers().size();
        List<Tensor> out = new ArrayList<>(count);
        try {
            for (int i = 1; i <= count; i++) {
                Tensor t = net.forwardPrefix(x, net.prefixLength(i));
                Tensor copy = b.zeros(t.rows(), t.cols());
                try (Tensor flat = t.view(t.rows(), t.cols())) {
                    b.copy(flat, copy);
                }
                if (i == count && softmaxOutput) softmaxRows(copy);
                out.add(copy);
            }
            return out;
        } catch (RuntimeException e) {
            out.forEach(Tensor::close);
            throw e;
        }
    }

    /** Row-wise softmax, on the host in double (the output layer is narrow). */
    static void softmaxRows(Tensor t) {
        Backend b = t.backend();
        float[] v = b.toFloatArray(t);
        int cols = t.cols();
        for (int r = 0; r < t.rows(); r++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int c = 0; c < cols; c++) max = Math.max(max, v[r * cols + c]);
            for (int c = 0; c < cols; c++) sum += Math.exp(v[r * cols + c] - max);
            for (int c = 0; c < cols; c++) v[r * cols + c] = (float) (Math.exp(v[r * cols + c] - max) / sum);
        }
        b.copyFromArray(v, t);
    }
}
