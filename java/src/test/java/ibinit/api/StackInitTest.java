package ibinit.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import ibinit.experiment.DataLoader;
import ibinit.experiment.DataSpec;
import ibinit.experiment.Experiment;
import ibinit.experiment.ExperimentSpec;
import ibinit.experiment.InitSpec;
import ibinit.experiment.InitialWeights;
import ibinit.experiment.NetworkSpec;
import ibinit.data.DataSplit;
import ibinit.data.SyntheticMixture;
import ibinit.init.FanMode;
import ibinit.weights.SafeTensors;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain-array API gives the CLI's weights, and the methods do on arrays what they promise. */
class StackInitTest {
    @TempDir Path dir;

    /** The weights {@code ibinit init} writes for a 6-5-3 network on a 6-feature synthetic set (its experiment, its writer). */
    private SafeTensors.Contents cliWeights(String method, long seed, String act) throws Exception {
        Path file = dir.resolve(method.replace(':', '_') + "-" + seed + ".safetensors");
        ExperimentSpec spec = new ExperimentSpec(new DataSpec("synthetic", Map.of("dims", "6", "classes", "3")),
                new NetworkSpec("6-5-3", act, 0.01), new InitSpec(method, "zeros", InitSpec.DEFAULT_SAMPLE), seed, "java");
        try (Experiment e = Experiment.open(spec, DataLoader.cached())) {
            InitialWeights.write(e, file);
        }
        return SafeTensors.read(file);
    }

    @Test
    void aStackGetsTheWeightsOfTheCliForTheSameSeed() throws Exception {
        for (String method : List.of("xavier-uniform", "kaiming-normal:mode=fan_out", "orthogonal:gain=2")) {
            DenseStack s = DenseStack.zeros(Activation.TANH, 6, 5, 3);
            StackInit.initialize(s, method, 7);
            SafeTensors.Contents cli = cliWeights(method, 7, "tanh");
            assertArrayEquals(cli.tensors().get("layers.0.weight").values(), s.weight(0), method);
            assertArrayEquals(cli.tensors().get("layers.2.weight").values(), s.weight(1), method);
            assertArrayEquals(cli.tensors().get("layers.2.bias").values(), s.bias(1), method);
        }
    }

    @Test
    void oneArrayIsTheFirstLayerOfANetworkWithThatSeed() throws Exception {
        float[] w = new float[5 * 6];
        WeightArrays.kaimingNormal(w, 5, 6, Math.sqrt(2), FanMode.FAN_IN, 11);
        assertArrayEquals(cliWeights("kaiming-normal", 11, "relu").tensors().get("layers.0.weight").values(), w);
        float[] big = new float[400 * 500];
        WeightArrays.kaimingNormal(big, 400, 500, Math.sqrt(2), FanMode.FAN_IN, 1);
        double sq = 0;
        for (float v : big) sq += v * v;
        assertEquals(Math.sqrt(2.0 / 500), Math.sqrt(sq / big.length), 0.01 * Math.sqrt(2.0 / 500), "std of He-normal, fan_in 500");
        float[] o = new float[4 * 9];
        WeightArrays.orthogonal(o, 4, 9, 1, 3);
        for (int r = 0; r < 4; r++) {
            for (int q = 0; q < 4; q++) {
                double dot = 0;
                for (int c = 0; c < 9; c++) dot += o[r * 9 + c] * o[q * 9 + c];
                assertEquals(r == q ? 1 : 0, dot, 1e-5, "rows orthonormal");
            }
        }
    }

    @Test
    void lsuvGivesUnitVarianceOnTheSample() {
        DataSplit d = SyntheticMixture.generate(3, 6, 300, 10, 3.0, 2);
        float[] x = d.train().features();
        DenseStack s = DenseStack.zeros(Activation.RELU, 6, 32, 16, 3);
        LsuvSettings settings = LsuvSettings.builder().tolerance(0.02).maxIterations(20).build();
        StackInit.lsuv(s, Sample.unlabelled(x, 6), settings, 5);
        float[] h = x;
        int in = 6;
        for (int l = 0; l < s.layers(); l++) {
            int out = s.sizes()[l + 1], rows = h.length / in;
            float[] z = new float[rows * out];
            double sum = 0, sq = 0;
            for (int r = 0; r < rows; r++) {
                for (int o = 0; o < out; o++) {
                    double v = s.bias(l)[o];
                    for (int i = 0; i < in; i++) v += s.weight(l)[o * in + i] * h[r * in + i];
                    z[r * out + o] = (float) v;
                    sum += v;
                    sq += v * v;
                }
            }
            double mean = sum / z.length, var = sq / z.length - mean * mean;
            assertEquals(1, var, 0.02 + 1e-4, "layer " + l + " output variance before the activation");
            for (int k = 0; k < z.length; k++) z[k] = Math.max(0, z[k]);
            h = z;
            in = out;
        }
    }

    @Test
    void ibciIsDeterministicAndChecksItsInputs() {
        DataSplit d = SyntheticMixture.generate(3, 6, 200, 10, 4.0, 9);
        Sample sample = Sample.of(d.train().features(), d.train().labels(), 6);
        DenseStack a = DenseStack.zeros(Activation.RELU, 6, 12, 3), b = DenseStack.zeros(Activation.RELU, 6, 12, 3);
        IbciSettings settings = IbciSettings.builder().pool(40).build();
        StackInit.ibci(a, sample, settings, 4);
        StackInit.ibci(b, sample, settings, 4);
        assertArrayEquals(a.weight(0), b.weight(0));
        assertArrayEquals(a.weight(1), b.weight(1));
        assertTrue(a.weight(1)[0] != 0 && Arrays.equals(a.bias(0), new float[12]), "weights elected, biases 0");
        DenseStack c = DenseStack.zeros(Activation.RELU, 6, 12, 3);
        StackInit.initialize(c, "ibci:pool=40", sample, 4);
        assertArrayEquals(a.weight(0), c.weight(0), "the typed settings and the string form are one method");
        StackInit.ibci(c, sample, settings, 5);
        assertFalse(Arrays.equals(a.weight(0), c.weight(0)), "another seed, other candidates");

        assertEquals("ibci needs the sample's labels",
                assertThrows(IllegalArgumentException.class, () -> StackInit.ibci(a, Sample.unlabelled(d.train().features(), 6), settings, 1))
                        .getMessage());
        assertEquals("the sample has 3 features, the stack's input is 6", assertThrows(IllegalArgumentException.class,
                () -> StackInit.lsuv(a, Sample.unlabelled(new float[9], 3), LsuvSettings.builder().build(), 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> IbciSettings.builder().targetOnly().inputOnly().build());
    }

    @Test
    void ownArraysAreWrittenInPlaceAndExportAsPyTorchNames() throws Exception {
        float[] w0 = new float[5 * 6], b0 = new float[5], w1 = new float[3 * 5], b1 = new float[3];
        DenseStack s = DenseStack.wrap(Activation.RELU, new int[] {6, 5, 3}, List.of(w0, w1), List.of(b0, b1));
        StackInit.initialize(s, "xavier-uniform", 1);
        assertTrue(w0[0] != 0 && w1[0] != 0, "the caller's arrays were filled");
        Path f = dir.resolve("mlp.safetensors");
        s.saveSafeTensors(f, Map.of("method", "xavier-uniform"));
        SafeTensors.Contents c = SafeTensors.read(f);
        assertEquals(List.of("layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias"), List.copyOf(c.tensors().keySet()));
        assertArrayEquals(new int[] {5, 6}, c.tensors().get("layers.0.weight").shape());
        assertArrayEquals(w1, c.tensors().get("layers.2.weight").values());
        assertThrows(IllegalArgumentException.class, () -> DenseStack.wrap(Activation.RELU, new int[] {6, 5, 3}, List.of(w0, new float[14]),
                List.of(b0, b1)));
    }

    @Test
    void transposeConvertsBetweenPyTorchAndDl4jLayouts() {
        float[] w = {1, 2, 3, 4, 5, 6}; // [out 2, in 3]
        float[] t = WeightArrays.transpose(w, 2, 3); // [in 3, out 2]
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, t);
        assertArrayEquals(w, WeightArrays.transpose(t, 3, 2));
    }
}
