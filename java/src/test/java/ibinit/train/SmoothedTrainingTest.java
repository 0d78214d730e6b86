package ibinit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import ibinit.backend.RandomStream;
import ibinit.backend.ref.ReferenceBackend;
import ibinit.init.BiasInit;
import ibinit.init.InitContext;
import ibinit.init.Initializers;
import ibinit.nn.Architecture;
import ibinit.nn.Optimizer;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import ibinit.train.smoothing.Smoothing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Entropic smoothing inside the training loop, on the reference backend with counted calls. */
class SmoothedTrainingTest {
    private static final ibinit.data.DataSplit DATA = TinyData.mixture(150, 90); // batch 32: 5 steps an epoch
    private static final int EPOCHS = 2, STEPS = 2 * 5;
    private static final String MLP = "4-8-3";
    private static final String CONV = "1x2x2-c2k1-c2k1-3"; // two 1x1 convolutions, then the dense head

    /** Counts loss evaluations (one per forward pass, training and test) and records every perturbed tensor. */
    static final class CountingBackend extends ReferenceBackend {
        int losses;
        final List<Tensor> perturbedSources = new ArrayList<>();

        @Override
        protected double softmaxCrossEntropyChecked(Tensor logits, Tensor labels, Tensor grad) {
            losses++;
            return super.softmaxCrossEntropyChecked(logits, labels, grad);
        }

        @Override
        protected void perturbUniformChecked(Tensor w, Tensor out, RandomStream rs, float radius) {
            perturbedSources.add(w);
            super.perturbUniformChecked(w, out, rs, radius);
        }
    }

    record Trained(TrainingOutcome outcome, List<float[]> weights, int losses, List<Tensor> perturbed, Set<Tensor> heads,
                   Set<Tensor> smoothedWeights) { }

    static Trained train(String arch, String smoothing, long seed) {
        CountingBackend b = new CountingBackend();
        try (Sequential net = Sequential.build(b, Architecture.parse(arch), Activation.RELU, 0.01f);
             Optimizer opt = new OptimizerSpec("sgd", 0.05, 0.9, false, 0).create()) {
            Initializers.create("kaiming-normal", Activation.RELU, 0.01f, BiasInit.ZEROS).initialize(net, InitContext.seeded(seed));
            Smoothing s = Smoothing.parse(smoothing);
            TrainingOutcome o = Trainer.train(net, opt, DATA, new TrainOptions(EPOCHS, 32, Schedule.CONSTANT, 0, seed, s),
                    TrainingListener.NONE, () -> false);
            List<float[]> w = net.parameters().stream().map(p -> b.toFloatArray(p.value())).toList();
            Set<Tensor> heads = Collections.newSetFromMap(new IdentityHashMap<>());
            Set<Tensor> smoothed = Collections.newSetFromMap(new IdentityHashMap<>());
            net.weightLayers().getLast().parameters().forEach(p -> heads.add(p.value()));
            for (Parameter p : net.parameters()) if (p.kind() == Parameter.Kind.BIAS) heads.add(p.value());
            List<Integer> layers = s.smoothedLayers(net.architecture());
            for (int l : layers) smoothed.add(net.weightLayers().get(l - 1).parameters().getFirst().value());
            return new Trained(o, w, b.losses, List.copyOf(b.perturbedSources), heads, smoothed);
        }
    }

    private static void assertSameRun(Trained a, Trained b, String what) {
        assertEquals(RunStatus.COMPLETED, a.outcome().status(), what);
        assertEquals(a.outcome().history().size(), b.outcome().history().size(), what);
        for (int e = 0; e < a.outcome().history().size(); e++) {
            assertEquals(a.outcome().history().get(e).trainLoss(), b.outcome().history().get(e).trainLoss(), 0.0, what + " epoch " + (e + 1));
            assertEquals(a.outcome().history().get(e).testLoss(), b.outcome().history().get(e).testLoss(), 0.0, what + " epoch " + (e + 1));
        }
        for (int i = 0; i < a.weights().size(); i++) assertArrayEquals(a.weights().get(i), b.weights().get(i), what + " parameter " + i);
    }

    @Test
    void meanEstimatorWithZeroRadiusIsExactlyThePlainStep() {
        assertSameRun(train(MLP, "none", 3), train(MLP, "box:layers=1,radius=0", 3), "dense, radius 0");
        assertSameRun(train(CONV, "none", 3), train(CONV, "box:sigma=0", 3), "conv, sigma 0");
        // and a positive radius does change the run (the smoothing is not a no-op)
        Trained smoothed = train(CONV, "box:sigma=0.05", 3);
        assertNotEquals(train(CONV, "none", 3).outcome().history().getLast().trainLoss(), smoothed.outcome().history().getLast().trainLoss());
    }

    @Test
    void kExtraPointsCostKExtraPassesAndOneDrawPerTensorAndPoint() {
        int plain = train(CONV, "none", 1).losses();
        for (int k = 1; k <= 3; k++) {
            Trained mean = train(CONV, "box:radius=0.05,k=" + k, 1);
            assertEquals(plain + k * STEPS, mean.losses(), "estimator mean, k=" + k + ": K extra passes a step");
            assertEquals(k * STEPS * 2, mean.perturbed().size(), "one draw per smoothed tensor and point");
            Trained sample = train(CONV, "box:radius=0.05,estimator=sample,k=" + k, 1);
            assertEquals(plain + (k - 1) * STEPS, sample.losses(), "estimator sample, k=" + k + ": K passes a step, none at W");
        }
        // the sigma rule leaves the first smoothed layer at radius 0: it is never drawn
        assertEquals(STEPS, train(CONV, "box:sigma=0.05", 1).perturbed().size());
        Trained esgd = train(CONV, "box:radius=0.01,estimator=entropy-sgd,inner=3", 1);
        assertEquals(plain + 2 * STEPS, esgd.losses(), "entropy-sgd: L passes a step");
        assertEquals(RunStatus.COMPLETED, esgd.outcome().status());
    }

    @Test
    void onlyTheChosenWeightsArePerturbedNeverTheHeadOrABias() {
        for (String[] c : new String[][] {{CONV, "box:radius=0.05,k=2"}, {MLP, "box:layers=1,radius=0.05"},
                {CONV, "box:layers=2,radius=0.05,estimator=entropy-sgd,inner=2"}}) {
            Trained t = train(c[0], c[1], 2);
            assertFalse(t.perturbed().isEmpty(), c[1]);
            for (Tensor w : t.perturbed()) {
                assertFalse(t.heads().contains(w), c[1] + ": the head or a bias was perturbed");
                // Entropy-SGD perturbs its inner copy x' of the chosen weights; the others the chosen weights themselves
                if (!c[1].contains("entropy-sgd")) assertTrue(t.smoothedWeights().contains(w), c[1] + ": perturbed a tensor it should not");
            }
        }
    }

    @Test
    void radiiPerEpochAreRecorded() { // and printed: SmoothingOptionsTest
        Trained t = train(CONV, "box:sigma=0.04,schedule=inv-sqrt", 1);
        assertEquals(List.of(0.0, 0.04), t.outcome().history().get(0).radii());
        assertEquals(List.of(0.0, 0.04 / Math.sqrt(2)), t.outcome().history().get(1).radii());
        assertTrue(train(CONV, "none", 1).outcome().history().get(0).radii().isEmpty());
    }

    @Test
    void everyEstimatorLearnsTheMixture() {
        for (String[] c : new String[][] {{"box:layers=1,radius=0.05", "0.05"}, {"box:layers=1,radius=0.05,estimator=sample,k=2", "0.05"},
                {"box:layers=1,radius=0.001,estimator=entropy-sgd,inner=5,inner-lr=0.05", "1"}}) {
            try (ibinit.backend.Backend b = ibinit.backend.Backends.reference(); Sequential net = TinyData.mlp(b, 1);
                 Optimizer opt = new OptimizerSpec("sgd", Double.parseDouble(c[1]), 0.9, true, 0).create()) {
                TrainingOutcome o = Trainer.train(net, opt, DATA, new TrainOptions(6, 32, Schedule.CONSTANT, 0, 1, Smoothing.parse(c[0])),
                        TrainingListener.NONE, () -> false);
                assertEquals(RunStatus.COMPLETED, o.status(), c[0]);
                assertTrue(o.history().getLast().trainLoss() < 0.8 * o.history().getFirst().trainLoss(), c[0] + ": " + o.history());
                assertTrue(o.bestError() < 20, c[0] + ": min test error " + o.bestError());
            }
        }
    }

    @Test
    void sameSeedRepeatsBitForBitAndAnotherSeedDrawsOtherPoints() {
        assertSameRun(train(CONV, "box:sigma=0.05,k=2", 4), train(CONV, "box:sigma=0.05,k=2", 4), "same seed");
        assertNotEquals(train(CONV, "box:sigma=0.05,k=2", 4).weights().get(2)[0], train(CONV, "box:sigma=0.05,k=2", 5).weights().get(2)[0]);
    }
}
