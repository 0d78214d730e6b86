package ibinit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.nn.Optimizer;
import ibinit.nn.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final ibinit.data.DataSplit DATA = TinyData.mixture(150, 90);

    private static TrainingOutcome train(long seed, double lr, TrainOptions o, TrainingListener l, java.util.function.BooleanSupplier stop) {
        try (Backend b = Backends.reference(); Sequential net = TinyData.mlp(b, seed);
             Optimizer opt = new OptimizerSpec("sgd", lr, 0.9, false, 0).create()) {
            return Trainer.train(net, opt, DATA, o, l, stop);
        }
    }

    private static TrainOptions options(long seed) { return new TrainOptions(4, 32, Schedule.CONSTANT, 0, seed); }

    @Test
    void sameSeedGivesIdenticalEpochsAndTraining() {
        TrainingOutcome a = train(5, 0.05, options(5), TrainingListener.NONE, () -> false);
        TrainingOutcome b = train(5, 0.05, options(5), TrainingListener.NONE, () -> false);
        assertEquals(RunStatus.COMPLETED, a.status());
        assertEquals(4, a.history().size());
        for (int e = 0; e < 4; e++) {
            assertEquals(a.history().get(e).trainLoss(), b.history().get(e).trainLoss(), 0.0);
            assertEquals(a.history().get(e).testLoss(), b.history().get(e).testLoss(), 0.0);
            assertEquals(a.history().get(e).testError(), b.history().get(e).testError(), 0.0);
        }
        // another seed shuffles differently, so the losses differ
        TrainingOutcome c = train(5, 0.05, options(6), TrainingListener.NONE, () -> false);
        assertNotEquals(a.history().getFirst().trainLoss(), c.history().getFirst().trainLoss());
    }

    @Test
    void aWellSeparatedMixtureIsLearned() {
        TrainingOutcome o = train(1, 0.05, options(1), TrainingListener.NONE, () -> false);
        assertTrue(o.history().getLast().trainLoss() < o.history().getFirst().trainLoss(), "loss falls: " + o.history());
        assertTrue(o.bestError() < 20, "min test error " + o.bestError() + "% on a separation-4 mixture");
        assertEquals(o.history().stream().mapToDouble(EpochStats::testError).min().orElseThrow(), o.bestError());
        assertEquals(o.bestError(), o.history().get(o.bestEpoch() - 1).testError(), "best epoch counts from 1");
    }

    @Test
    void hugeLearningRateDivergesWithAStatusNotAnException() {
        TrainingOutcome o = train(1, 1e6, options(1), TrainingListener.NONE, () -> false);
        assertEquals(RunStatus.DIVERGED, o.status());
        assertTrue(o.detail().matches("diverged at epoch \\d+ step \\d+: (train|test) loss .*"), o.detail());
    }

    @Test
    void lastPartialBatchIsKeptAndScheduleIsApplied() {
        List<Integer> batches = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        TrainingListener l = new TrainingListener() {
            @Override public void batchFinished(int epoch, int batch, double loss) { if (epoch == 1) batches.add(batch); }
            @Override public void epochFinished(EpochStats s, int epochs) { rates.add(s.learningRate()); }
        };
        TrainOptions o = new TrainOptions(3, 40, Schedule.step(1, 0.5), 1.0, 3); // 150 rows: 40+40+40+30
        TrainingOutcome out = train(3, 0.08, o, l, () -> false);
        assertEquals(List.of(1, 2, 3, 4), batches);
        assertEquals(List.of(0.08, 0.04, 0.02), rates.stream().map(r -> Math.round(r * 1e6) / 1e6).toList());
        assertEquals(RunStatus.COMPLETED, out.status());
    }

    @Test
    void stopRequestEndsTheRunAsInterrupted() {
        AtomicInteger steps = new AtomicInteger();
        TrainingOutcome o = train(1, 0.05, options(1), TrainingListener.NONE, () -> steps.incrementAndGet() > 7);
        assertEquals(RunStatus.INTERRUPTED, o.status());
        assertEquals("interrupted in epoch 2 step 3", o.detail()); // 5 steps per epoch
        assertEquals(1, o.history().size());
    }

    @Test
    void argmaxTakesTheFirstMaximumAndRejectsNaN() {
        assertEquals(1, Evaluation.argmax(new float[] {0, 3, 3, 1}, 0, 4));
        assertEquals(2, Evaluation.argmax(new float[] {9, 0, 1, 5}, 1, 3));
        assertEquals(-1, Evaluation.argmax(new float[] {0, Float.NaN, 1}, 0, 3));
    }
}
