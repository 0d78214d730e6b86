package ibinit.init;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.nn.Architecture;
import ibinit.nn.Dense;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LayerScalesTest {

    /** Population std of every value. */
    private static double std(double[] v) {
        double m = 0, s = 0;
        for (double x : v) m += x / v.length;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / v.length);
    }

    /** y[n][out] = x[n][in] W^T + bias, straight loops. */
    private static double[] dense(double[] x, int n, int in, float[] w, float[] bias, int out) {
        double[] y = new double[n * out];
        for (int r = 0; r < n; r++) {
            for (int o = 0; o < out; o++) {
                double s = bias[o];
                for (int c = 0; c < in; c++) s += x[r * in + c] * w[o * in + c];
                y[r * out + o] = s;
            }
        }
        return y;
    }

    @Test
    void scalesAreThoseOfTheLayerOutputsComputedByHand() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 40;
        try (Backend b = Backends.reference();
             Sequential net = Sequential.build(b, Architecture.parse("5-4-3"), Activation.RELU, 0f)) {
            Dense d0 = (Dense) net.weightLayers().get(0), d1 = (Dense) net.weightLayers().get(1);
            float[] w0 = new float[20], b0 = new float[4], w1 = new float[12], b1 = new float[3];
            for (float[] a : List.of(w0, b0, w1, b1)) for (int i = 0; i < a.length; i++) a[i] = (float) rng.nextGaussian();
            b.copyFromArray(w0, d0.weight().value());
            b.copyFromArray(b0, d0.bias().value());
            b.copyFromArray(w1, d1.weight().value());
            b.copyFromArray(b1, d1.bias().value());
            float[] x = new float[n * 5];
            double[] xd = new double[x.length];
            for (int i = 0; i < x.length; i++) xd[i] = x[i] = (float) rng.nextGaussian();

            double[] pre0 = dense(xd, n, 5, w0, b0, 4);
            double[] act0 = pre0.clone();
            for (int i = 0; i < act0.length; i++) act0[i] = Math.max(0, act0[i]);
            double[] logits = dense(act0, n, 4, w1, b1, 3);
            double norm0 = 0;
            for (int r = 0; r < 4; r++) {
                double s = 0;
                for (int c = 0; c < 5; c++) s += w0[r * 5 + c] * w0[r * 5 + c];
                norm0 += Math.sqrt(s) / 4;
            }

            try (Tensor sample = b.fromArray(x, n, 5)) {
                List<LayerScales> s = LayerScales.measure(net, sample);
                assertEquals(2, s.size());
                assertEquals("layers.0", s.get(0).layer());
                assertEquals(norm0, s.get(0).rowNorm(), 1e-5);
                assertEquals(std(pre0), s.get(0).preStd(), 1e-4);
                assertEquals(std(act0), s.get(0).activationStd(), 1e-4);
                assertEquals(std(logits), s.get(1).preStd(), 1e-4);
                assertEquals(s.get(1).preStd(), s.get(1).activationStd(), "no activation after the output layer");
            }
        }
    }
}
