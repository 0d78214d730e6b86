package ibinit.info;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AA-MINE paper's Figure 2 claim on {@link NoiseSweep}'s random tanh MLP 10-2-3: I(X; L_1 + eps)
 * with L_1 two units. The truth grows by 2 ln 10 = 4.6 nats per decade of sigma; a critic that sees
 * F_1(x) only has to learn a distance and keeps up (measured: +1.5 nats from sigma 0.1 to 0.01 in
 * 1000 steps), while plain MINE, which has to learn F_1 from x itself, levels off (+0.4).
 */
class AaMineTest {
    private static final int INPUTS = NoiseSweep.INPUTS;
    private static Backend backend;
    private static NoiseSweep sweep;
    private static Sequential net;
    private static Tensor x;

    @BeforeAll
    static void setUp() {
        backend = TestBackends.fastest();
        sweep = new NoiseSweep(backend, 1000);
        net = sweep.network();
        x = sweep.inputs();
    }

    @AfterAll
    static void tearDown() {
        sweep.close();
        backend.close();
    }

    private static MineConfig config() { return sweep.config(); }

    private static double aaMine(float sigma, AaMine.Prefix prefix) { return sweep.aaMine(sigma, prefix); }

    private static double plainMine(float sigma) { return sweep.plainMine(sigma); }

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
