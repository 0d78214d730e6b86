package ibinit.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.ref.ReferenceBackend;
import ibinit.init.BiasInit;
import ibinit.init.FromFile;
import ibinit.init.InitContext;
import ibinit.init.Initializers;
import ibinit.nn.Architecture;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Networks to and from safetensors files, and the {@code file:path=} method. */
class NetworkWeightsTest {
    static final Backend B = new ReferenceBackend();
    @TempDir Path dir;

    @AfterAll
    static void close() { B.close(); }

    static Sequential net(String arch) { return Sequential.build(B, Architecture.parse(arch), Activation.RELU, 0f); }

    @Test
    void savedWeightsLoadBackThroughTheRegistry() throws Exception {
        Path f = dir.resolve("net.safetensors");
        try (Sequential a = net("20-16-8-4"); Sequential b = net("20-16-8-4")) {
            Initializers.create("xavier", Activation.RELU, 0, BiasInit.parse("pytorch")).initialize(a, InitContext.seeded(9));
            NetworkWeights.save(a, f, Map.of("arch", "20-16-8-4"));
            SafeTensors.Contents c = SafeTensors.read(f);
            assertEquals(List.of("layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias", "layers.4.weight", "layers.4.bias"),
                    List.copyOf(c.tensors().keySet()), "tensor names are the parameter names, in network order");
            assertArrayEquals(new int[] {16, 20}, c.tensors().get("layers.0.weight").shape(), "dense weights are [out, in] as in PyTorch");
            var method = Initializers.create("file:path=" + f, Activation.RELU, 0, BiasInit.ZEROS);
            assertTrue(method instanceof FromFile);
            method.initialize(b, InitContext.seeded(0));
            for (int i = 0; i < a.parameters().size(); i++) {
                Parameter p = a.parameters().get(i);
                assertArrayEquals(B.toFloatArray(p.value()), B.toFloatArray(b.parameters().get(i).value()), p.name());
            }
        }
    }

    @Test
    void aMismatchNamesEveryDifferenceAndChangesNothing() throws Exception {
        Path f = dir.resolve("small.safetensors");
        try (Sequential a = net("20-16-4"); Sequential b = net("20-12-4"); Sequential c = net("20-16-8-4")) {
            NetworkWeights.save(a, f, Map.of("arch", "20-16-4"));
            String m = assertThrows(IllegalArgumentException.class, () -> NetworkWeights.load(b, f)).getMessage();
            assertTrue(m.contains("layers.0.weight has shape [16, 20] where the network has [12, 20]"), m);
            assertTrue(m.contains("layers.2.weight has shape [4, 16] where the network has [4, 12]"), m);
            assertTrue(m.contains("arch 20-16-4"), m);
            m = assertThrows(IllegalArgumentException.class, () -> NetworkWeights.load(c, f)).getMessage();
            assertTrue(m.contains("lacks layers.4.weight"), m);
            assertArrayEquals(new float[12 * 20], B.toFloatArray(b.parameters().getFirst().value()), "nothing loaded");
        }
        try (Sequential a = net("20-16-4")) {
            String m = assertThrows(IllegalArgumentException.class,
                    () -> new FromFile(dir.resolve("missing.safetensors")).initialize(a, InitContext.seeded(0))).getMessage();
            assertTrue(m.contains("does not exist"), m);
        }
    }
}
