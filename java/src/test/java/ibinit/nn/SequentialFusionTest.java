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
 * Sequential runs a dense layer and the activation after it as one fused backend op each way; the
 * logits, the parameter gradients and a prefix's output must match the two layers run one after
 * the other (the Layer API), on every backend, for every activation (a negative leaky-ReLU slope
 * is not fused, and still right).
 */
class SequentialFusionTest {
    private record Case(Activation f, float param) { }

    private static final List<Case> CASES = List.of(new Case(Activation.RELU, 0f), new Case(Activation.LEAKY_RELU, 0.1f),
            new Case(Activation.LEAKY_RELU, -0.2f), new Case(Activation.TANH, 0f), new Case(Activation.SIGMOID, 0f),
            new Case(Activation.IDENTITY, 0f));

    @Test
    void fusedPairsMatchLayerByLayerOnEveryBackend() {
        for (Backend be : Backends.openAvailable()) {
            try (be) {
                for (Case c : CASES) check(be, c);
            }
        }
    }

    private static void check(Backend be, Case c) {
        int batch = 9;
        String what = be.name() + " " + c;
        try (Sequential fused = Sequential.build(be, Architecture.parse("6-7-5-4-3"), c.f(), c.param());
             Sequential plain = Sequential.build(be, Architecture.parse("6-7-5-4-3"), c.f(), c.param());
             Tensor x = be.zeros(batch, 6);
             Tensor labels = be.fromArray(new int[] {0, 2, 1, 2, 0, 1, 1, 0, 2}, batch);
             Tensor grad = be.zeros(batch, 3)) {
            int k = 0;
            for (int i = 0; i < fused.parameters().size(); i++, k++) {
                be.fillNormal(fused.parameters().get(i).value(), RandomStream.of(31, k), 0f, 0.7f);
                be.fillNormal(plain.parameters().get(i).value(), RandomStream.of(31, k), 0f, 0.7f);
            }
            be.fillNormal(x, RandomStream.of(32, 0), 0f, 1f);

            // The prefix ending after the first activation, and the one ending before it.
            close(be.toFloatArray(layerByLayer(plain, x, 2)), be.toFloatArray(fused.forwardPrefix(x, 2)), what + " prefix 2");
            close(be.toFloatArray(layerByLayer(plain, x, 1)), be.toFloatArray(fused.forwardPrefix(x, 1)), what + " prefix 1");

            Tensor logits = layerByLayer(plain, x, plain.layers().size());
            double plainLoss = be.softmaxCrossEntropy(logits, labels, grad);
            List<Layer> layers = plain.layers();
            Tensor g = grad;
            for (int i = layers.size() - 1; i > 0; i--) g = layers.get(i).backward(g);
            layers.get(0).backwardParametersOnly(g);

            try (Tensor grad2 = be.zeros(batch, 3)) {
                double fusedLoss = be.softmaxCrossEntropy(fused.forward(x), labels, grad2);
                assertEquals(plainLoss, fusedLoss, 1e-5 * Math.abs(plainLoss), what + " loss");
                float[] before = be.toFloatArray(grad2);
                fused.backward(grad2);
                close(before, be.toFloatArray(grad2), what + " backward must leave the caller's gradient alone");
            }
            for (int i = 0; i < plain.parameters().size(); i++) {
                close(be.toFloatArray(plain.parameters().get(i).grad()), be.toFloatArray(fused.parameters().get(i).grad()),
                        what + " " + plain.parameters().get(i).name());
            }

            // After a fused forward the activation layer alone still back-propagates correctly.
            fused.forward(x);
            try (Tensor dy = be.zeros(batch, 7)) {
                be.fillNormal(dy, RandomStream.of(33, 0), 0f, 1f);
                layerByLayer(plain, x, plain.layers().size());
                close(be.toFloatArray(plain.layers().get(1).backward(dy)), be.toFloatArray(fused.layers().get(1).backward(dy)),
                        what + " activation layer backward after a fused forward");
            }
        }
    }

    private static Tensor layerByLayer(Sequential net, Tensor x, int count) {
        Tensor h = x;
        for (int i = 0; i < count; i++) h = net.layers().get(i).forward(h);
        return h;
    }

    private static void close(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5f + 1e-5f * Math.abs(expected[i]), what + " [" + i + "]");
        }
    }
}
