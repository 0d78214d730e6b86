package ibinit.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sequential.backward(grad, true) adds to the parameter gradients: a pass with d(logits) scaled by
 * 1/2 followed by an accumulating pass of the same batch gives the plain gradient (exactly on the
 * reference backend, to float rounding on the others), for dense and convolutional nets; a pass
 * at other inputs adds that pass's own gradient.
 */
class AccumulatingBackwardTest {
    @Test
    void twoHalfPassesAddUpToOnePlainPassOnEveryBackend() {
        for (Backend be : Backends.openAvailable()) {
            try (be) {
                for (String arch : List.of("6-7-5-3", "1x5x5-c2k3-c1k2-3")) check(be, arch);
            }
        }
    }

    private static void check(Backend be, String arch) {
        Architecture a = Architecture.parse(arch);
        int batch = 9;
        String what = be.name() + " " + arch;
        try (Sequential net = Sequential.build(be, a, Activation.RELU, 0f);
             Tensor x = be.zeros(batch, a.inputSize());
             Tensor x2 = be.zeros(batch, a.inputSize());
             Tensor labels = be.fromArray(new int[] {0, 2, 1, 2, 0, 1, 1, 0, 2}, batch);
             Tensor grad = be.zeros(batch, 3)) {
            for (int k = 0; k < net.parameters().size(); k++) be.fillNormal(net.parameters().get(k).value(), RandomStream.of(41, k), 0f, 0.7f);
            be.fillNormal(x, RandomStream.of(42, 0), 0f, 1f);
            be.fillNormal(x2, RandomStream.of(42, 1), 0f, 1f);
            float[][] plain = gradients(be, net, x, labels, grad, 1f, false);
            float[][] other = gradients(be, net, x2, labels, grad, 1f, false);
            gradients(be, net, x, labels, grad, 0.5f, false);
            float[][] sum = gradients(be, net, x, labels, grad, 0.5f, true);
            for (int p = 0; p < plain.length; p++) {
                for (int i = 0; i < plain[p].length; i++) {
                    double tol = be.name().equals("java") ? 0 : 1e-5 * (1 + Math.abs(plain[p][i]));
                    assertEquals(plain[p][i], sum[p][i], tol, what + " parameter " + p + " element " + i);
                }
            }
            gradients(be, net, x, labels, grad, 1f, false);
            float[][] both = gradients(be, net, x2, labels, grad, 1f, true);
            for (int p = 0; p < plain.length; p++) {
                for (int i = 0; i < plain[p].length; i++) {
                    assertEquals(plain[p][i] + other[p][i], both[p][i], 1e-5 * (1 + Math.abs(both[p][i])), what + " sum, parameter " + p);
                }
            }
        }
    }

    private static float[][] gradients(Backend be, Sequential net, Tensor x, Tensor labels, Tensor grad, float scale, boolean accumulate) {
        be.softmaxCrossEntropy(net.forward(x), labels, grad);
        be.scale(scale, grad);
        net.backward(grad, accumulate);
        return net.parameters().stream().map(p -> be.toFloatArray(p.grad())).toArray(float[][]::new);
    }
}
