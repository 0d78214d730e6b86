package ibinit.init.scales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.init.BiasInit;
import ibinit.init.InitContext;
import ibinit.init.Initializers;
import ibinit.nn.Architecture;
import ibinit.nn.NetAndBatch;
import ibinit.nn.Sequential;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * d obj / d s of NIO and GradInit (both the constraint and the objective step) against a central
 * finite difference of obj in each scale, on small networks on the reference backend, at scales
 * away from 1; and the end-to-end behaviour: scales never below s_min, and NIO's objective step
 * with gamma huge and lambda 0 raising B-GC on a fixed batch.
 */
class ScaleGradientTest {
    static Backend b;

    @BeforeAll
    static void open() { b = Backends.reference(); }

    @AfterAll
    static void close() { b.close(); }

    /** A He-initialized net (biases pytorch-style, so they are rescaled too) and a random labelled sample. */
    static NetAndBatch setup(Backend backend, String spec, Activation act, int rows, long seed) {
        Architecture arch = Architecture.parse(spec);
        Sequential net = Sequential.build(backend, arch, act, 0.1f);
        Initializers.create("he", act, 0.1f, BiasInit.parse("pytorch")).initialize(net, InitContext.seeded(seed));
        return NetAndBatch.of(net, arch, rows, seed);
    }

    interface Objective { double at(); }

    /** Moves the scales off 1 (so s enters the check), then compares each d obj / d s_k with a central difference. */
    static void check(ScaledParameters sp, Objective obj, double[] analytic, double eps, String what) {
        int checked = 0;
        for (int k = 0; k < sp.size(); k++) {
            if (!sp.active(k)) continue;
            double s0 = sp.scales()[k];
            sp.scales()[k] = s0 + eps;
            sp.apply();
            double up = obj.at();
            sp.scales()[k] = s0 - eps;
            sp.apply();
            double down = obj.at();
            sp.scales()[k] = s0;
            sp.apply();
            double numeric = (up - down) / (2 * eps);
            assertEquals(numeric, analytic[k], 2e-3 + 2e-2 * Math.abs(numeric), what + " d obj / d s of " + sp.name(k));
            checked++;
        }
        assertTrue(checked >= 4, what + ": only " + checked + " scales checked");
    }

    static void spread(ScaledParameters sp) {
        for (int k = 0; k < sp.size(); k++) sp.scales()[k] = 0.8 + 0.05 * (k % 7);
        sp.apply();
    }

    private static final String[] NETS = {"10-8-6-3", "1x6x6-c2k3p1-r3s2-gap-3"};

    @Test
    void nioScaleGradientBothSteps() {
        for (String spec : NETS) {
            for (double gamma : new double[] {1e-6, 1e6}) { // always the constraint step, always the objective step
                NioOptions o = new NioOptions(3, 0.5, 1, gamma, 0.01, 0.7, 0.01, 12);
                try (NetAndBatch s = setup(b, spec, Activation.TANH, 12, 3); ScaledParameters sp = new ScaledParameters(s.net(), 0.01);
                     Nio.Work w = new Nio.Work(sp, b, o, s.x().cols())) {
                    b.copy(s.x(), w.x);
                    b.copy(s.labels(), w.y);
                    spread(sp);
                    Nio.Evaluation e = Nio.evaluate(s.net(), sp, w, o, true);
                    assertEquals(gamma < 1, e.constraint());
                    check(sp, () -> Nio.evaluate(s.net(), sp, w, o, false).objective(), e.scaleGradient(), 1e-3,
                            spec + (e.constraint() ? " nio constraint" : " nio objective"));
                }
            }
        }
    }

    @Test
    void gradInitScaleGradientBothSteps() {
        for (String spec : NETS) {
            for (double gamma : new double[] {1e-6, 1e6}) {
                GradInitOptions o = new GradInitOptions(1, 8, 0.1, gamma, 0.01, 0.01);
                try (NetAndBatch s = setup(b, spec, Activation.TANH, 12, 5); ScaledParameters sp = new ScaledParameters(s.net(), 0.01);
                     GradInit.Work w = new GradInit.Work(sp, b, o, s.x().cols())) {
                    w.load(new SampleBatches(s.x(), s.labels()));
                    spread(sp);
                    GradInit.Evaluation e = GradInit.evaluate(s.net(), sp, w, o, true);
                    assertEquals(gamma < 1, e.constraint());
                    check(sp, () -> GradInit.evaluate(s.net(), sp, w, o, false).objective(), e.scaleGradient(), 1e-3,
                            spec + (e.constraint() ? " gradinit constraint" : " gradinit objective"));
                }
            }
        }
    }

    @Test
    void scalesNeverBelowTheirFloor() {
        try (NetAndBatch s = setup(b, "10-8-6-3", Activation.RELU, 32, 7)) {
            // A large tau and a tight gamma drive the scales down hard.
            ScaleTrace t = Nio.optimize(s.net(), s.x(), s.labels(), new NioOptions(2, 0.5, 25, 1e-3, 0.3, 1, 0.05, 32), x -> { });
            t.scales().forEach((name, v) -> assertTrue(v >= (name.endsWith("weight") ? 0.05 : 0), name + " scale " + v));
            assertTrue(t.scales().values().stream().anyMatch(v -> v == 0.05), "some weight scale reached the floor: " + t.scales());
            ScaleTrace g = GradInit.optimize(s.net(), s.x(), s.labels(), new GradInitOptions(25, 16, 0.1, 1e-3, 0.3, 0.05), x -> { });
            g.scales().forEach((name, v) -> assertTrue(v >= (name.endsWith("weight") ? 0.05 : 0), name + " scale " + v));
        }
    }

    @Test
    void constraintStepsLowerTheGradientNormOnAFixedBatch() {
        for (String spec : NETS) {
            try (NetAndBatch s = setup(b, spec, Activation.RELU, 32, 13)) {
                List<ScaleTrace.ScaleStep> nio = new ArrayList<>();
                Nio.optimize(s.net(), s.x(), s.labels(), new NioOptions(2, 0.5, 10, 1e-9, 0.02, 1, 0.01, 32), nio::add);
                assertTrue(nio.getLast().bgn() < nio.getFirst().bgn() * 0.9, spec + " nio B-GN " + nio.getFirst().bgn() + " -> " + nio.getLast().bgn());
            }
            try (NetAndBatch s = setup(b, spec, Activation.RELU, 48, 13)) {
                List<ScaleTrace.ScaleStep> gi = new ArrayList<>();
                // batch 32 and a sample of 1.5 batches: every step sees the same S.
                GradInit.optimize(s.net(), s.x(), s.labels(), new GradInitOptions(10, 32, 0.1, 1e-9, 0.02, 0.01), gi::add);
                assertTrue(gi.getLast().gradNorm() < gi.getFirst().gradNorm() * 0.9,
                        spec + " gradinit |g| " + gi.getFirst().gradNorm() + " -> " + gi.getLast().gradNorm());
            }
        }
    }

    @Test
    void objectiveStepsRaiseGradientCosineOnAFixedBatch() {
        try (NetAndBatch s = setup(b, "20-32-32-4", Activation.RELU, 64, 11)) {
            // The sample is exactly one batch, so every step sees the same batch.
            NioOptions o = new NioOptions(2, 0.5, 30, 1e9, 0.05, 0, 0.01, 64);
            List<ScaleTrace.ScaleStep> steps = new ArrayList<>();
            Nio.optimize(s.net(), s.x(), s.labels(), o, steps::add);
            double first = steps.getFirst().bgc();
            double after;
            try (ScaledParameters sp = new ScaledParameters(s.net(), 0.01); Nio.Work w = new Nio.Work(sp, b, o, s.x().cols())) {
                b.copy(s.x(), w.x);
                b.copy(s.labels(), w.y);
                after = Nio.evaluate(s.net(), sp, w, o, false).bgc();
            }
            assertTrue(steps.stream().allMatch(x -> x.phase().equals("objective")));
            assertTrue(after > first + 0.02, "B-GC " + first + " -> " + after);
        }
    }
}
