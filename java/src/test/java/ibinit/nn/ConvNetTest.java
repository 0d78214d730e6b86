package ibinit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conv nets built from the architecture syntax: layers, parameter shapes and fans, and training. */
class ConvNetTest {
    /** The entropic-scoping paper's net: four 3x3 convolutions 1->1 channel, 28 -> 20, then dense 400 -> 10. */
    private static final String PAPER = "1x28x28-c1k3-c1k3-c1k3-c1k3-10";

    @Test
    void paperNetBuildsWithPyTorchShapesAndFans() {
        try (Backend be = Backends.reference();
             Sequential net = Sequential.build(be, Architecture.parse(PAPER), Activation.RELU, 0f)) {
            assertEquals("conv2d 1->1 3x3 s1 p0 | relu | conv2d 1->1 3x3 s1 p0 | relu | conv2d 1->1 3x3 s1 p0 | relu"
                    + " | conv2d 1->1 3x3 s1 p0 | relu | flatten | dense 400->10", net.describe());
            List<Parameter> ps = net.parameters();
            assertEquals(10, ps.size());
            assertEquals("layers.0.weight", ps.get(0).name());
            assertArrayEquals(new int[] {1, 1, 3, 3}, ps.get(0).value().shape());
            assertEquals(9, ps.get(0).fanIn());
            assertEquals(9, ps.get(0).fanOut());
            assertEquals(4 * 10 + 4010, net.parameterCount());
        }
        try (Backend be = Backends.reference();
             Sequential net = Sequential.build(be, Architecture.parse("3x8x8-c5k3p1-mp2-10"), Activation.RELU, 0f)) {
            Conv2d conv = (Conv2d) net.layers().get(0);
            assertArrayEquals(new int[] {5, 3, 3, 3}, conv.weight().value().shape());
            assertEquals(27, conv.weight().fanIn());
            assertEquals(45, conv.weight().fanOut());
            assertEquals("maxpool 2x2 s2", net.layers().get(2).describe());
        }
    }

    /** A few SGD steps on a fixed batch lower the loss, on every backend; native runs track the reference. */
    @Test
    void paperNetTrainsOnEveryBackend() {
        double[] reference;
        try (Backend ref = Backends.reference()) {
            reference = train(ref);
        }
        assertTrue(reference[reference.length - 1] < 0.5 * reference[0],
                "java: loss went from " + reference[0] + " to " + reference[reference.length - 1]);
        for (Backend be : Backends.openAvailable()) {
            try (be) {
                if (be.name().equals("java")) continue;
                double[] losses = train(be);
                for (int i = 0; i < losses.length; i++) {
                    assertEquals(reference[i], losses[i], 1e-3 * Math.abs(reference[i]) + 1e-4, be.name() + " step " + i);
                }
            }
        }
    }

    /** Losses of 12 SGD steps on one batch of 16 random images; weights drawn bit-identically on every backend. */
    private static double[] train(Backend be) {
        int batch = 16;
        Architecture arch = Architecture.parse(PAPER);
        int[] classes = new int[batch];
        for (int i = 0; i < batch; i++) classes[i] = i % 10;
        double[] losses = new double[12];
        try (Sequential net = Sequential.build(be, arch, Activation.TANH, 0f);
             Sgd sgd = new Sgd(0.1f, 0.9f, 0f, false);
             Tensor x = be.zeros(batch, 1, 28, 28);
             Tensor labels = be.fromArray(classes, batch);
             Tensor grad = be.zeros(batch, 10)) {
            int k = 0;
            for (Parameter p : net.parameters()) {
                float bound = (float) (1 / Math.sqrt(p.fanIn()));
                be.fillUniform(p.value(), RandomStream.of(71, k++), -bound, bound);
            }
            be.fillNormal(x, RandomStream.of(72, 0), 0f, 1f);
            for (int step = 0; step < losses.length; step++) {
                losses[step] = be.softmaxCrossEntropy(net.forward(x), labels, grad);
                net.backward(grad);
                sgd.step(net.parameters());
            }
        }
        return losses;
    }
}
