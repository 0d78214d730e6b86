package ibinit.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Finite differences against backward for every parameter of small networks, per activation. */
class GradientCheckTest {
    static Backend backend;

    @BeforeAll
    static void open() { backend = Backends.reference(); }

    @AfterAll
    static void close() { backend.close(); }

    private static double loss(Sequential net, Tensor x, Tensor labels) {
        return backend.softmaxCrossEntropy(net.forward(x), labels, null);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void backwardMatchesCentralDifferences(Activation act) {
        int batch = 5;
        try (Sequential net = Sequential.build(backend, Architecture.parse("6-7-5-3"), act, 0.1f);
             Tensor x = backend.zeros(batch, 6);
             Tensor labels = backend.fromArray(new int[] {0, 2, 1, 2, 0}, batch);
             Tensor grad = backend.zeros(batch, 3)) {
            int k = 0;
            for (Parameter p : net.parameters()) backend.fillNormal(p.value(), RandomStream.of(21, k++), 0f, 0.7f);
            backend.fillNormal(x, RandomStream.of(22, 0), 0f, 1f);
            backend.softmaxCrossEntropy(net.forward(x), labels, grad);
            net.backward(grad);
            double eps = 1e-2;
            for (Parameter p : net.parameters()) {
                float[] analytic = backend.toFloatArray(p.grad());
                float[] w = backend.toFloatArray(p.value());
                for (int i = 0; i < w.length; i += Math.max(1, w.length / 7)) {
                    float orig = w[i];
                    w[i] = (float) (orig + eps);
                    backend.copyFromArray(w, p.value());
                    double up = loss(net, x, labels);
                    w[i] = (float) (orig - eps);
                    backend.copyFromArray(w, p.value());
                    double down = loss(net, x, labels);
                    w[i] = orig;
                    backend.copyFromArray(w, p.value());
                    double numeric = (up - down) / (2 * eps);
                    assertEquals(numeric, analytic[i], 2e-3 + 2e-2 * Math.abs(numeric), act + " " + p.name() + "[" + i + "]");
                }
            }
        }
    }
}
