package ibinit.info.ib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.backend.ref.ReferenceBackend;
import ibinit.data.DataSplit;
import ibinit.data.SyntheticMixture;
import ibinit.init.BiasInit;
import ibinit.init.InitContext;
import ibinit.init.Initializers;
import ibinit.nn.Architecture;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny IB run on synthetic data, end to end, and the promise of its checkpoints: stopped
 * mid-stage (critics and optimizer state in flight) or at a stage boundary and resumed, it ends
 * with the same weights, bit for bit, as a run never interrupted.
 */
class IbTrainerResumeTest {
    private static final Backend B = new ReferenceBackend(); // plain Java: the same bits on every machine

    @TempDir Path dir;

    static DataSplit data() { return SyntheticMixture.generate(3, 6, 90, 60, 4.0, 2); }

    static IbConfig config(IbMode mode, IbObjective objective) {
        return new IbConfig(mode, objective, 6, 2, 3, 5, 32, 1e-2, 1e-3, new int[] {8}, 2.0, 1, 1, 0.1, 4, 7);
    }

    static Sequential network() {
        Sequential net = Sequential.build(B, Architecture.parse("6-5-4-3"), Activation.RELU, 0f);
        Initializers.create("kaiming-normal", Activation.RELU, 0f, BiasInit.ZEROS).initialize(net, new InitContext(RandomStream.of(7, 0), null, null));
        return net;
    }

    static List<float[]> weights(Sequential net) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : net.parameters()) out.add(B.toFloatArray(p.value()));
        return out;
    }

    /** Stops before step {@code at} (once). */
    static BooleanSupplier stopAt(long at, AtomicLong seen) {
        return () -> seen.getAndIncrement() == at;
    }

    @Test
    void tinyLayerwiseRunCompletesAndResumesExactly() {
        IbConfig c = config(IbMode.LAYERWISE, IbObjective.IB);
        List<float[]> straight;
        IbOutcome full;
        try (Sequential net = network()) {
            full = new IbTrainer(net, data(), c).run(dir.resolve("straight.safetensors"), false, () -> false, new IbTrainer.Progress() { });
            straight = weights(net);
        }
        assertTrue(full.completed(), full.detail());
        assertEquals(2 * (3 + 6) + 5, full.totalSteps()); // two hidden layers (pre-train + train), then the head
        assertEquals(List.of("layer 1", "layer 2", "head"), full.stages().stream().map(IbOutcome.StageSummary::stage).toList());
        assertTrue(full.testAccuracy() >= 0 && full.testAccuracy() <= 100);
        for (long stop : new long[] {4, 9, 13}) { // inside layer 1's pre-training, at layer 2's start, inside layer 2's training
            Path cp = dir.resolve("cp-" + stop + ".safetensors");
            try (Sequential net = network()) {
                IbOutcome first = new IbTrainer(net, data(), c).run(cp, false, stopAt(stop, new AtomicLong()), new IbTrainer.Progress() { });
                assertEquals("interrupted", first.status());
                assertEquals(stop, first.steps());
            }
            try (Sequential net = network()) { // fresh weights: the checkpoint must bring back everything
                IbOutcome resumed = new IbTrainer(net, data(), c).run(cp, true, () -> false, new IbTrainer.Progress() { });
                assertTrue(resumed.completed(), resumed.detail());
                List<float[]> w = weights(net);
                for (int i = 0; i < w.size(); i++) assertArrayEquals(straight.get(i), w.get(i), "parameter " + i + " after a stop at step " + stop);
                assertEquals(full.testAccuracy(), resumed.testAccuracy());
                assertEquals(full.stages(), resumed.stages());
            }
        }
    }

    @Test
    void endToEndRunResumesExactly() {
        IbConfig c = config(IbMode.END_TO_END, IbObjective.IB);
        List<float[]> straight;
        try (Sequential net = network()) {
            assertTrue(new IbTrainer(net, data(), c).run(null, false, () -> false, new IbTrainer.Progress() { }).completed());
            straight = weights(net);
        }
        Path cp = dir.resolve("e2e.safetensors");
        try (Sequential net = network()) {
            new IbTrainer(net, data(), c).run(cp, false, stopAt(5, new AtomicLong()), new IbTrainer.Progress() { });
        }
        try (Sequential net = network()) {
            assertTrue(new IbTrainer(net, data(), c).run(cp, true, () -> false, new IbTrainer.Progress() { }).completed());
            List<float[]> w = weights(net);
            for (int i = 0; i < w.size(); i++) assertArrayEquals(straight.get(i), w.get(i), "parameter " + i);
        }
    }

    @Test
    void resumeUnderOtherSettingsIsRefused() {
        Path cp = dir.resolve("cp.safetensors");
        try (Sequential net = network()) {
            new IbTrainer(net, data(), config(IbMode.LAYERWISE, IbObjective.IB)).run(cp, false, stopAt(3, new AtomicLong()), new IbTrainer.Progress() { });
        }
        try (Sequential net = network()) {
            IbTrainer other = new IbTrainer(net, data(), config(IbMode.LAYERWISE, IbObjective.IB_Y_ONLY));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.run(cp, true, () -> false, new IbTrainer.Progress() { }));
            assertTrue(e.getMessage().contains("other settings"), e.getMessage());
        }
    }
}
