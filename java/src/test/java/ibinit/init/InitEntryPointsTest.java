package ibinit.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.ref.ReferenceBackend;
import ibinit.nn.Architecture;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import ibinit.rng.Streams;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry's {@code name:key=value} is exactly a call of the typed entry point, parameter by parameter. */
class InitEntryPointsTest {
    private static final Backend B = new ReferenceBackend();

    private static float[][] weights(Sequential net) {
        return net.parameters().stream().filter(p -> p.kind() == Parameter.Kind.WEIGHT).map(p -> B.toFloatArray(p.value())).toArray(float[][]::new);
    }

    @Test
    void registryStringsCallTheTypedFunctions() {
        try (Sequential a = Sequential.build(B, Architecture.parse("6-8-3"), Activation.TANH, 0.01f);
             Sequential b = Sequential.build(B, Architecture.parse("6-8-3"), Activation.TANH, 0.01f)) {
            Initializers.create("kaiming-normal:mode=fan_out", Activation.TANH, 0.01f, BiasInit.ZEROS).initialize(a, InitContext.seeded(3));
            List<Parameter> ps = b.parameters();
            for (int k = 0; k < ps.size(); k++) {
                if (ps.get(k).kind() == Parameter.Kind.WEIGHT) {
                    Init.kaimingNormal(ps.get(k), Gain.of(Activation.TANH, 0.01), FanMode.FAN_OUT, Streams.parameter(Streams.networkInit(3), k));
                }
            }
            float[][] wa = weights(a), wb = weights(b);
            for (int i = 0; i < wa.length; i++) assertArrayEquals(wa[i], wb[i]);
        }
    }

    @Test
    void truncatedNormalStaysInsideItsCut() {
        try (Sequential net = Sequential.build(B, Architecture.parse("50-40-3"), Activation.TANH, 0.01f)) {
            Initializers.create("truncated-normal", Activation.TANH, 0.01f, BiasInit.ZEROS).initialize(net, InitContext.seeded(1));
            for (Parameter p : net.parameters()) {
                if (p.kind() != Parameter.Kind.WEIGHT) continue;
                double bound = 2 / Math.sqrt(p.fanIn());
                for (float v : B.toFloatArray(p.value())) assertTrue(Math.abs(v) <= bound + 1e-6, v + " beyond " + bound);
            }
        }
    }

    @Test
    void nonFiniteOrNonPositiveOptionsAreRejected() {
        for (String bad : List.of("xavier:gain=NaN", "xavier-normal:gain=Infinity", "normal:std=0", "orthogonal:gain=-1", "lsuv:tol=NaN",
                "truncated-normal:cut=0")) {
            assertThrows(IllegalArgumentException.class, () -> Initializers.create(bad, Activation.RELU, 0.01f, BiasInit.ZEROS), bad);
        }
    }
}
