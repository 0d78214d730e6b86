package ibinit.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.backend.Window2d;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Finite differences against backward for Conv2d and MaxPool2d alone (loss = sum(y * r) for a
 * fixed random r, so dL/dy = r) and for small conv nets end to end, on the reference backend.
 */
class ConvGradientCheckTest {
    static Backend backend;

    @BeforeAll
    static void open() { backend = Backends.reference(); }

    @AfterAll
    static void close() { backend.close(); }

    /** Central difference of loss in entry i of t, against analytic[i]. */
    private static void check(Tensor t, float[] analytic, DoubleSupplier loss, double eps, String what) {
        float[] v = backend.toFloatArray(t);
        for (int i = 0; i < v.length; i += Math.max(1, v.length / 23)) {
            float orig = v[i];
            v[i] = (float) (orig + eps);
            backend.copyFromArray(v, t);
            double up = loss.getAsDouble();
            v[i] = (float) (orig - eps);
            backend.copyFromArray(v, t);
            double down = loss.getAsDouble();
            v[i] = orig;
            backend.copyFromArray(v, t);
            double numeric = (up - down) / (2 * eps);
            assertEquals(numeric, analytic[i], 2e-3 + 1e-2 * Math.abs(numeric), what + "[" + i + "]");
        }
    }

    private static double dot(Tensor a, Tensor b) {
        float[] x = backend.toFloatArray(a), y = backend.toFloatArray(b);
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (double) x[i] * y[i];
        return s;
    }

    /** channels in, out, h, w, kernel, stride, padding. */
    private static final int[][] CONV = {{3, 5, 6, 7, 3, 1, 1}, {2, 3, 7, 6, 3, 2, 0}, {1, 2, 5, 5, 2, 2, 2}, {3, 2, 4, 4, 1, 1, 0}};

    @Test
    void conv2dWeightsBiasAndInput() {
        int batch = 3;
        int seed = 0;
        for (int[] g : CONV) {
            Window2d win = new Window2d(g[4], g[5], g[6]);
            try (Conv2d conv = new Conv2d(backend, "conv", g[0], g[1], win);
                 Tensor x = backend.zeros(batch, g[0], g[2], g[3])) {
                int[] outShape = conv.outputShape(new int[] {g[0], g[2], g[3]});
                try (Tensor r = backend.zeros(batch, outShape[0], outShape[1], outShape[2])) {
                    backend.fillNormal(conv.weight().value(), RandomStream.of(31, seed++), 0f, 0.5f);
                    backend.fillNormal(conv.bias().value(), RandomStream.of(31, seed++), 0f, 0.5f);
                    backend.fillNormal(x, RandomStream.of(32, seed++), 0f, 1f);
                    backend.fillNormal(r, RandomStream.of(33, seed++), 0f, 1f);
                    DoubleSupplier loss = () -> dot(conv.forward(x), r);
                    loss.getAsDouble();
                    float[] dx = backend.toFloatArray(conv.backward(r));
                    String what = conv.describe() + " on " + x.describe();
                    check(conv.weight().value(), backend.toFloatArray(conv.weight().grad()), loss, 1e-2, what + " weight");
                    check(conv.bias().value(), backend.toFloatArray(conv.bias().grad()), loss, 1e-2, what + " bias");
                    check(x, dx, loss, 1e-2, what + " input");
                }
            }
        }
    }

    @Test
    void conv2dParametersOnlyMatchesFullBackward() {
        try (Conv2d conv = new Conv2d(backend, "conv", 2, 3, new Window2d(3, 1, 1));
             Tensor x = backend.zeros(4, 2, 5, 5); Tensor r = backend.zeros(4, 3, 5, 5)) {
            backend.fillNormal(conv.weight().value(), RandomStream.of(41, 0), 0f, 0.5f);
            backend.fillNormal(x, RandomStream.of(41, 1), 0f, 1f);
            backend.fillNormal(r, RandomStream.of(41, 2), 0f, 1f);
            conv.forward(x);
            conv.backward(r);
            float[] full = backend.toFloatArray(conv.weight().grad());
            float[] bias = backend.toFloatArray(conv.bias().grad());
            conv.forward(x);
            conv.backwardParametersOnly(r);
            org.junit.jupiter.api.Assertions.assertArrayEquals(full, backend.toFloatArray(conv.weight().grad()));
            org.junit.jupiter.api.Assertions.assertArrayEquals(bias, backend.toFloatArray(conv.bias().grad()));
        }
    }

    /** channels, h, w, kernel, stride, padding: disjoint, overlapping, padded windows. */
    private static final int[][] POOL = {{2, 6, 6, 2, 2, 0}, {3, 7, 5, 3, 2, 1}, {1, 5, 5, 3, 1, 1}, {2, 1, 1, 1, 1, 0}};

    @Test
    void maxPool2dInput() {
        int batch = 2;
        Random rnd = new Random(7);
        for (int[] g : POOL) {
            Window2d win = new Window2d(g[3], g[4], g[5]);
            try (MaxPool2d pool = new MaxPool2d(backend, win); Tensor x = backend.zeros(batch, g[0], g[1], g[2])) {
                int[] outShape = pool.outputShape(new int[] {g[0], g[1], g[2]});
                try (Tensor r = backend.zeros(batch, outShape[0], outShape[1], outShape[2])) {
                    // Distinct values 0.1 apart: a step of eps = 0.01 never changes a window's winner.
                    List<Float> values = new ArrayList<>();
                    for (int i = 0; i < x.size(); i++) values.add(0.1f * i);
                    Collections.shuffle(values, rnd);
                    float[] xv = new float[values.size()];
                    for (int i = 0; i < xv.length; i++) xv[i] = values.get(i);
                    backend.copyFromArray(xv, x);
                    backend.fillNormal(r, RandomStream.of(51, g[0]), 0f, 1f);
                    DoubleSupplier loss = () -> dot(pool.forward(x), r);
                    loss.getAsDouble();
                    check(x, backend.toFloatArray(pool.backward(r)), loss, 1e-2, pool.describe() + " on " + x.describe());
                }
            }
        }
    }

    /** Small conv nets through Sequential: conv (strides, padding), pooling, flatten, dense. */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "SIGMOID", "LEAKY_RELU"})
    void convNetsEndToEnd(Activation act) {
        for (String spec : new String[] {"1x6x6-c2k3p1-mp2-c3k2-5", "2x7x7-c3k3s2p1-mp2s1-c2k1-4"}) {
            Architecture arch = Architecture.parse(spec);
            int batch = 3;
            try (Sequential net = Sequential.build(backend, arch, act, 0.1f);
                 Tensor x = backend.zeros(batch, arch.inputSize());
                 Tensor labels = backend.fromArray(new int[] {0, 2, 1}, batch);
                 Tensor grad = backend.zeros(batch, arch.outputSize())) {
                int k = 0;
                for (Parameter p : net.parameters()) backend.fillNormal(p.value(), RandomStream.of(61, k++), 0f, 0.6f);
                backend.fillNormal(x, RandomStream.of(62, 0), 0f, 1f);
                backend.softmaxCrossEntropy(net.forward(x), labels, grad);
                net.backward(grad);
                DoubleSupplier loss = () -> backend.softmaxCrossEntropy(net.forward(x), labels, null);
                // A small step, so that a leaky-ReLU kink or a pooling winner is rarely crossed.
                for (Parameter p : net.parameters()) {
                    check(p.value(), backend.toFloatArray(p.grad()), loss, 1e-3, spec + " " + act + " " + p.name());
                }
            }
        }
    }
}
