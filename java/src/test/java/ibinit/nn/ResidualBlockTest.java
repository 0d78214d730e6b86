package ibinit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Residual blocks without batch norm (identity skip and 1x1 projection, scalar biases) and global
 * average pooling: the syntax, the parameters, backward against finite differences of the loss,
 * and the Hessian-vector product against finite differences of the gradient, on the reference backend.
 */
class ResidualBlockTest {
    private static final String NET = "1x6x6-c3k3p1-r3-r4s2-gap-3";

    @BeforeAll
    static void open() { HessianVectorProductTest.open(); }

    @AfterAll
    static void close() { HessianVectorProductTest.close(); }

    @Test
    void syntaxShapesAndParameters() {
        Architecture a = Architecture.parse("1x28x28-c16k3p1-r16-r32s2-r64s2-gap-10");
        assertEquals(new Architecture.ResidualSpec(32, 2), a.layers().get(2));
        assertArrayEquals(new int[] {64, 7, 7}, a.shapes().get(4));
        assertArrayEquals(new int[] {64}, a.shapes().get(5));
        try (Sequential net = Sequential.build(HessianVectorProductTest.backend, Architecture.parse(NET), Activation.RELU, 0f)) {
            ResidualBlock identity = (ResidualBlock) net.layers().get(2), projection = (ResidualBlock) net.layers().get(3);
            assertFalse(identity.projects());
            assertTrue(projection.projects());
            List<String> names = net.parameters().stream().map(Parameter::name).toList();
            assertEquals(List.of("layers.0.weight", "layers.0.bias",
                    "layers.2.conv1.weight", "layers.2.bias1.bias", "layers.2.conv2.weight", "layers.2.bias2.bias",
                    "layers.3.conv1.weight", "layers.3.bias1.bias", "layers.3.conv2.weight", "layers.3.bias2.bias",
                    "layers.3.shortcut.weight", "layers.3.shortcut_bias.bias",
                    "layers.5.weight", "layers.5.bias"), names);
        }
        assertThrows(IllegalArgumentException.class, () -> Architecture.parse("784-r16-10"));
        assertThrows(IllegalArgumentException.class, () -> Architecture.parse("784-gap-10"));
    }

    /** Backward against a central difference of the loss, for every parameter entry of the net. */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "RELU", "SIGMOID"})
    void gradientMatchesFiniteDifference(Activation act) {
        try (NetAndBatch pr = HessianVectorProductTest.problem(HessianVectorProductTest.backend, NET, act, 3, 61)) {
            var b = HessianVectorProductTest.backend;
            pr.net().lossAndGradient(pr.x(), pr.labels());
            for (Parameter p : pr.net().parameters()) {
                float[] g = b.toFloatArray(p.grad()), v = b.toFloatArray(p.value());
                for (int i = 0; i < v.length; i++) {
                    float orig = v[i];
                    double eps = kinked(act) ? 1e-4 : 1e-3;
                    v[i] = (float) (orig + eps);
                    b.copyFromArray(v, p.value());
                    double up = pr.net().lossAndGradient(pr.x(), pr.labels());
                    v[i] = (float) (orig - eps);
                    b.copyFromArray(v, p.value());
                    double down = pr.net().lossAndGradient(pr.x(), pr.labels());
                    v[i] = orig;
                    b.copyFromArray(v, p.value());
                    double numeric = (up - down) / (2 * eps);
                    assertEquals(numeric, g[i], 2e-3 + 1e-2 * Math.abs(numeric), act + " " + p.name() + "[" + i + "]");
                }
            }
        }
    }

    /** The exact H v through the blocks (both skips, scalar biases, pooling) against finite differences of the gradient. */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void hessianVectorMatchesFiniteDifference(Activation act) {
        try (NetAndBatch pr = HessianVectorProductTest.problem(HessianVectorProductTest.backend, NET, act, 3, 71)) {
            HessianVectorProductTest.checkAgainstFiniteDifference(pr, kinked(act) ? 1e-4 : 1e-3, NET + " " + act);
        }
    }

    /**
     * With (leaky) ReLU a step of 1e-3 along every parameter at once moves some of the net's
     * hundreds of pre-activations across 0, where the gradient jumps and the difference is
     * meaningless; a smaller step avoids that on these inputs (it converges to H v as the step shrinks).
     */
    private static boolean kinked(Activation act) { return act == Activation.RELU || act == Activation.LEAKY_RELU; }

    /** The training path (Sequential.forward / backward) and lossAndGradient agree on a residual net. */
    @Test
    void trainingPathMatches() {
        var b = HessianVectorProductTest.backend;
        try (NetAndBatch pr = HessianVectorProductTest.problem(b, NET, Activation.RELU, 4, 81); var g = b.zeros(4, 3)) {
            double loss = pr.net().lossAndGradient(pr.x(), pr.labels());
            float[][] a = HessianVectorProductTest.read(pr.net().parameters(), Parameter::grad);
            assertEquals(loss, b.softmaxCrossEntropy(pr.net().forward(pr.x()), pr.labels(), g), 1e-6);
            pr.net().backward(g);
            float[][] c = HessianVectorProductTest.read(pr.net().parameters(), Parameter::grad);
            for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], c[i], 1e-6f);
        }
    }
}
