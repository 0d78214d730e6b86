package ibinit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import ibinit.backend.ref.ReferenceBackend;
import ibinit.data.Dataset;
import ibinit.experiment.DataLoader;
import ibinit.experiment.DataSpec;
import ibinit.experiment.SparseFilterFeatures;
import ibinit.init.BiasInit;
import ibinit.init.InitContext;
import ibinit.init.Initializers;
import ibinit.nn.Architecture;
import ibinit.nn.Sequential;
import ibinit.rng.Streams;
import ibinit.tensor.Tensor;
import ibinit.train.Shuffle;
import ibinit.weights.SafeTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparseFilterCommandTest {
    @TempDir Path dir;

    private static final List<String> DATA = List.of("--dataset", "synthetic", "--data-option", "classes=4", "--data-option", "dims=20",
            "--data-option", "trainSize=300");

    private MainTest.Result run(Path out, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("sparse-filter"));
        a.addAll(DATA);
        a.addAll(List.of("--features", "6", "--iterations", "15", "--seed", "2", "--backend", "java", "--init-sample", "200",
                "--out", out.toString()));
        a.addAll(List.of(more));
        return MainTest.run(a.toArray(String[]::new));
    }

    @Test
    void writesWeightsAndHistoryAndStartsWhereTheInitializerStarts() throws Exception {
        MainTest.Result r = run(dir.resolve("sf"), "--progress-every", "5");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("iteration 5/15"), r.out());
        SafeTensors.Contents c = SafeTensors.read(dir.resolve("sf").resolve(SparseFilterFeatures.WEIGHTS));
        assertArrayEquals(new int[] {6, 20}, c.tensors().get("weight").shape());
        assertEquals("200", c.metadata().get("rows"));
        String history = Files.readString(dir.resolve("sf").resolve(SparseFilterFeatures.HISTORY));
        assertTrue(history.contains("\"gradientNorm\""), history);

        // the sparse-filtering initializer with the same seed and sample learns the same first layer, up to each row's scale
        DataSpec data = new DataSpec("synthetic", Map.of("classes", "4", "dims", "20", "trainSize", "300"));
        Dataset train = DataLoader.cached().load(data).train();
        Dataset sample = train.subset(Shuffle.initSample(2, 200, train.size()), "sample");
        try (ReferenceBackend b = new ReferenceBackend();
             Sequential net = Sequential.build(b, Architecture.parse("20-6-4"), Activation.RELU, 0.01f);
             Tensor x = b.fromArray(sample.features(), sample.size(), 20)) {
            Initializers.create("sparse-filtering:iters=15,scale=norm", Activation.RELU, 0.01f, BiasInit.ZEROS)
                    .initialize(net, new InitContext(Streams.networkInit(2), x, null));
            float[] a = c.tensors().get("weight").values(), w = b.toFloatArray(net.weightLayers().getFirst().parameters().getFirst().value());
            for (int j = 0; j < 6; j++) {
                double dot = 0, na = 0, nw = 0;
                for (int k = 0; k < 20; k++) {
                    dot += a[j * 20 + k] * w[j * 20 + k];
                    na += a[j * 20 + k] * a[j * 20 + k];
                    nw += w[j * 20 + k] * w[j * 20 + k];
                }
                assertEquals(1, dot / Math.sqrt(na * nw), 1e-5, "row " + j);
            }
        }
    }

    @Test
    void mistakesAreOneLineWithExitTwo() {
        List<String> a = new java.util.ArrayList<>(List.of("sparse-filter", "--features", "0", "--backend", "java", "--out",
                dir.resolve("bad").toString()));
        a.addAll(DATA);
        MainTest.Result r = MainTest.run(a.toArray(String[]::new));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--features"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
