package ibinit.info;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.nn.Architecture;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AA-MINE paper's Figure 2 claim on a small random tanh MLP 10-2-3: I(X; L_1 + eps) with L_1 two
 * units. The truth grows by 2 ln 10 = 4.6 nats per decade of sigma; a critic that sees F_1(x) only
 * has to learn a distance and keeps up (measured: +1.5 nats from sigma 0.1 to 0.01 in 1000 steps),
 * while plain MINE, which has to learn F_1 from x itself, levels off (+0.4).
 */
class AaMineTest {
    private static final int INPUTS = 10, SAMPLES = 4096;
    private static Backend backend;
    private static Sequential net;
    private static Tensor x;

    @BeforeAll
    static void setUp() {
        backend = TestBackends.fastest();
        net = Sequential.build(backend, Architecture.parse("10-2-3"), Activation.TANH, 0f);
        int k = 0;
        for (Parameter p : net.parameters()) {
            float std = p.kind() == Parameter.Kind.WEIGHT ? (float) (1.5 / Math.sqrt(p.fanIn())) : 0.3f;
            backend.fillNormal(p.value(), RandomStream.of(9, k++), 0f, std);
        }
        x = backend.zeros(SAMPLES, INPUTS);
        backend.fillNormal(x, RandomStream.of(10, 0), 0f, 1f);
    }

    @AfterAll
    static void tearDown() {
        x.close();
        net.close();
        backend.close();
    }

    private static MineConfig config() {
        return MineConfig.defaults().withHidden(32, 32).withBatchSize(128).withLearningRate(3e-3f).withSteps(1000).withWindow(200).withSeed(1);
    }

    private static double aaMine(float sigma, AaMine.Prefix prefix) {
        try (AaMine a = new AaMine(net, 1, prefix, config())) {
            return a.estimateWithNoise(x, sigma).movingAverage();
        }
    }

    /** Plain MINE on (x, F_1(x) + eps) with the same critic, steps and noise stream. */
    private static double plainMine(float sigma) {
        MineConfig c = config();
        try (AaMine noise = new AaMine(net, 1, AaMine.Prefix.FROZEN_VIEW, c); Mine m = new Mine(backend, c);
             NetworkPrefix layer = NetworkPrefix.frozen(net, 1); Tensor xb = backend.zeros(c.batchSize(), INPUTS)) {
            BatchSampler batches = new BatchSampler(SAMPLES, new SplittableRandom(3));
            for (int s = 0; s < c.steps(); s++) {
                backend.gatherRows(x, 0, batches.next(c.batchSize()), xb, 0, INPUTS);
                m.step(xb, noise.noisyLayer(layer, xb, sigma));
            }
            return m.current().movingAverage();
        }
    }

    @Test
    void aaMineKeepsGrowingAsTheNoiseVanishesWhilePlainMineLevelsOff() {
        double aaCoarse = aaMine(0.1f, AaMine.Prefix.FROZEN_VIEW), aaFine = aaMine(0.01f, AaMine.Prefix.FROZEN_VIEW);
        double mineCoarse = plainMine(0.1f), mineFine = plainMine(0.01f);
        String what = String.format("sigma 0.1 -> 0.01: aa-mine %.3f -> %.3f, mine %.3f -> %.3f (on %s)",
                aaCoarse, aaFine, mineCoarse, mineFine, backend.name());
        assertTrue(aaFine - aaCoarse > 1.0, "AA-MINE did not grow: " + what);
        assertTrue(mineFine - mineCoarse < 0.8, "plain MINE did not level off: " + what);
        assertTrue(aaFine - aaCoarse > 2.5 * (mineFine - mineCoarse), "AA-MINE grew no faster than MINE: " + what);
        assertTrue(aaFine > mineFine + 1.0, "AA-MINE not above MINE at small noise: " + what);
    }

    /** The trainable copy learns (its weights move, the network's do not) and estimates like the frozen view. */
    @Test
    void trainableCopyTrainsItselfAndLeavesTheNetworkAlone() {
        float[][] before = net.parameters().stream().map(p -> backend.toFloatArray(p.value())).toArray(float[][]::new);
        double frozen = aaMine(0.1f, AaMine.Prefix.FROZEN_VIEW);
        try (AaMine a = new AaMine(net, 1, AaMine.Prefix.TRAINABLE_COPY, config())) {
            double copy = a.estimateWithNoise(x, 0.1f).movingAverage();
            assertEquals(frozen, copy, 0.5, "trainable copy vs frozen view at sigma 0.1");
        }
        for (int i = 0; i < before.length; i++) {
            assertArrayEquals(before[i], backend.toFloatArray(net.parameters().get(i).value()), "network parameter " + i + " changed");
        }
    }

    @Test
    void trainableCopyWeightsMove() {
        try (NetworkPrefix copy = NetworkPrefix.trainableCopy(net, 1, 1e-2f); Tensor xb = backend.zeros(4, INPUTS);
             Tensor g = backend.zeros(4, 2)) {
            backend.fillNormal(xb, RandomStream.of(1, 1), 0f, 1f);
            backend.fillNormal(g, RandomStream.of(1, 2), 0f, 1f);
            Tensor w0 = net.parameters().get(0).value();
            float[] original = backend.toFloatArray(w0);
            copy.features(xb);
            copy.train(g);
            float[] trained = backend.toFloatArray(copy.features(xb)); // forward runs on the moved copy
            float[] viaNetwork = backend.toFloatArray(copy.network(xb));
            assertTrue(!java.util.Arrays.equals(trained, viaNetwork), "copy equals the network after a step");
            assertArrayEquals(original, backend.toFloatArray(w0));
        }
    }
}
