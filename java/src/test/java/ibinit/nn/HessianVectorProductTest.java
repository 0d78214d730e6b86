package ibinit.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exact Hessian-vector product of {@link Sequential#hessianVector()} against a central
 * finite difference of gradients, (g(theta + eps v) - g(theta - eps v)) / (2 eps), on the
 * reference backend, for every layer type (dense, conv with strides and padding, max-pooling,
 * flatten) and every activation, with the softmax cross-entropy on top; and the symmetry
 * v^T H w = w^T H v. Tensors are float32 (the engine has no double type); the reference backend
 * accumulates every sum in double, and the differences and quotients here are formed in double.
 */
class HessianVectorProductTest {
    static Backend backend;

    @BeforeAll
    static void open() { backend = Backends.reference(); }

    @AfterAll
    static void close() { backend.close(); }

    /** A network with random parameters N(0, 0.5^2), a batch and labels. */
    static NetAndBatch problem(Backend b, String spec, Activation act, int batch, long seed) {
        Architecture arch = Architecture.parse(spec);
        Sequential net = Sequential.build(b, arch, act, 0.1f);
        int k = 0;
        for (Parameter p : net.parameters()) b.fillNormal(p.value(), RandomStream.of(seed, k++), 0f, 0.5f);
        return NetAndBatch.of(net, arch, batch, seed);
    }

    static void randomDirections(Sequential net, long seed) {
        int k = 0;
        for (Parameter p : net.parameters()) p.value().backend().fillNormal(p.direction(), RandomStream.of(seed, k++), 0f, 1f);
    }

    static float[][] read(List<Parameter> ps, java.util.function.Function<Parameter, Tensor> which) {
        float[][] out = new float[ps.size()][];
        for (int i = 0; i < ps.size(); i++) out[i] = ps.get(i).value().backend().toFloatArray(which.apply(ps.get(i)));
        return out;
    }

    /** theta = theta0 + t v for every parameter. */
    static void moveTo(List<Parameter> ps, float[][] theta0, float[][] v, double t) {
        for (int i = 0; i < ps.size(); i++) {
            float[] w = new float[theta0[i].length];
            for (int j = 0; j < w.length; j++) w[j] = (float) (theta0[i][j] + t * v[i][j]);
            ps.get(i).value().backend().copyFromArray(w, ps.get(i).value());
        }
    }

    /** Checks H v against the central difference of gradients along v, entry by entry. */
    static void checkAgainstFiniteDifference(NetAndBatch pr, double eps, String what) {
        List<Parameter> ps = pr.net().parameters();
        randomDirections(pr.net(), 99);
        pr.net().lossAndGradient(pr.x(), pr.labels());
        pr.net().hessianVector();
        float[][] hv = read(ps, Parameter::hessianVector);
        float[][] theta0 = read(ps, Parameter::value), v = read(ps, Parameter::direction);
        moveTo(ps, theta0, v, eps);
        pr.net().lossAndGradient(pr.x(), pr.labels());
        float[][] up = read(ps, Parameter::grad);
        moveTo(ps, theta0, v, -eps);
        pr.net().lossAndGradient(pr.x(), pr.labels());
        float[][] down = read(ps, Parameter::grad);
        moveTo(ps, theta0, v, 0);
        double scale = 0;
        for (float[] h : hv) for (float e : h) scale = Math.max(scale, Math.abs(e));
        assertTrue(scale > 1e-4, what + ": H v is (nearly) zero, the check would be empty");
        for (int i = 0; i < ps.size(); i++) {
            for (int j = 0; j < hv[i].length; j++) {
                double numeric = ((double) up[i][j] - down[i][j]) / (2 * eps);
                assertEquals(numeric, hv[i][j], 2e-3 * scale + 1e-2 * Math.abs(numeric),
                        what + " " + ps.get(i).name() + "[" + j + "]");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void denseNetworksEveryActivation(Activation act) {
        try (NetAndBatch pr = problem(backend, "7-6-5-4", act, 5, 11)) {
            checkAgainstFiniteDifference(pr, 1e-3, "mlp " + act); // 1e-2 crosses ReLU kinks
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void convNetworksEveryActivation(Activation act) {
        // conv with padding, pooling, conv, flatten, dense; then strided conv and overlapping pooling
        for (String spec : new String[] {"1x6x6-c2k3p1-mp2-c3k2-5", "2x7x7-c3k3s2p1-mp2s1-c2k1-4"}) {
            try (NetAndBatch pr = problem(backend, spec, act, 3, 21)) {
                // A step of 1e-2 moves pooling winners (the gradient jumps there); 1e-3 does not.
                checkAgainstFiniteDifference(pr, 1e-3, spec + " " + act);
            }
        }
    }

    @Test
    void symmetric() {
        for (String spec : new String[] {"7-6-5-4", "1x6x6-c2k3p1-mp2-c3k2-5"}) {
            try (NetAndBatch pr = problem(backend, spec, Activation.TANH, 4, 31)) {
                List<Parameter> ps = pr.net().parameters();
                pr.net().lossAndGradient(pr.x(), pr.labels());
                randomDirections(pr.net(), 1);
                float[][] v = read(ps, Parameter::direction);
                pr.net().hessianVector();
                float[][] hv = read(ps, Parameter::hessianVector);
                randomDirections(pr.net(), 2);
                float[][] w = read(ps, Parameter::direction);
                pr.net().hessianVector();
                float[][] hw = read(ps, Parameter::hessianVector);
                double wHv = 0, vHw = 0, mag = 0;
                for (int i = 0; i < ps.size(); i++) {
                    for (int j = 0; j < v[i].length; j++) {
                        wHv += (double) w[i][j] * hv[i][j];
                        vHw += (double) v[i][j] * hw[i][j];
                        mag += Math.abs((double) w[i][j] * hv[i][j]);
                    }
                }
                assertTrue(Math.abs(wHv) > 1e-3 * mag, spec + ": w^T H v is cancellation noise");
                assertEquals(wHv, vHw, 1e-5 * mag, spec + ": w^T H v vs v^T H w");
            }
        }
    }

    /** Every native backend available here gives the reference's H v on the same problem. */
    @Test
    void nativeBackendsMatchTheReference() {
        String spec = "1x6x6-c2k3p1-mp2-c3k2-8-5";
        try (NetAndBatch ref = problem(backend, spec, Activation.TANH, 6, 51)) {
            randomDirections(ref.net(), 5);
            ref.net().lossAndGradient(ref.x(), ref.labels());
            ref.net().hessianVector();
            float[][] want = read(ref.net().parameters(), Parameter::hessianVector);
            for (Backend b : Backends.openAvailable()) {
                if (b.name().equals(backend.name())) {
                    b.close();
                    continue;
                }
                try (b; NetAndBatch pr = problem(b, spec, Activation.TANH, 6, 51)) {
                    randomDirections(pr.net(), 5);
                    pr.net().lossAndGradient(pr.x(), pr.labels());
                    pr.net().hessianVector();
                    float[][] got = read(pr.net().parameters(), Parameter::hessianVector);
                    for (int i = 0; i < want.length; i++) {
                        double mag = 0;
                        for (float e : want[i]) mag = Math.max(mag, Math.abs(e));
                        for (int j = 0; j < want[i].length; j++) {
                            assertEquals(want[i][j], got[i][j], 1e-4 * mag + 1e-6, b.name() + " parameter " + i + "[" + j + "]");
                        }
                    }
                }
            }
        }
    }

    /** The gradient of lossAndGradient (unfused) is that of a training step's fused path. */
    @Test
    void lossAndGradientMatchesTrainingBackward() {
        try (NetAndBatch pr = problem(backend, "7-6-5-4", Activation.SIGMOID, 5, 41);
             Tensor g = backend.zeros(5, 4)) {
            List<Parameter> ps = pr.net().parameters();
            double loss = pr.net().lossAndGradient(pr.x(), pr.labels());
            float[][] unfused = read(ps, Parameter::grad);
            assertEquals(loss, backend.softmaxCrossEntropy(pr.net().forward(pr.x()), pr.labels(), g), 1e-6);
            pr.net().backward(g);
            float[][] fused = read(ps, Parameter::grad);
            for (int i = 0; i < ps.size(); i++) {
                for (int j = 0; j < fused[i].length; j++) assertEquals(fused[i][j], unfused[i][j], 1e-6);
            }
        }
    }
}
