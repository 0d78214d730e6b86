package ibinit.init.scales;

import ibinit.backend.Backend;
import ibinit.init.InitContext;
import ibinit.init.Initializer;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * GradInit (Zhu et al., NeurIPS 2021), the SGD variant NIO builds on: a base initializer's
 * tensors rescaled, one learned scale per tensor, so that one SGD step of normalized length eta
 * lowers the loss on a fresh half batch most, under a bound on the gradient norm. Per step, with
 * S = x0 u x1 (one batch), g = grad L(S): if ||g|| &gt; gamma it minimizes ||g|| (constraint
 * step, gradient H_S g / ||g||); else it minimizes L(S~; theta') / eta with theta' = theta - eta
 * g / ||g|| and S~ = x0 u x2 (x2 the next half batch), whose gradient in theta is
 * g' / eta - H_S (I - g g^T / ||g||^2) g' / ||g||, g' = grad L(S~) at theta' (objective step);
 * then d obj / d s_k = &lt;grad_theta_k obj, theta0_k&gt; and {@link RescaleAdam}.
 */
public final class GradInit implements Initializer {
    private static final System.Logger LOG = System.getLogger(GradInit.class.getName());

    private final Initializer base;
    private final GradInitOptions options;
    private ScaleTrace trace;

    public GradInit(Initializer base, GradInitOptions options) {
        this.base = base;
        this.options = options;
    }

    @Override public String name() { return "gradinit"; }

    /** The last run's steps and scales (null before {@link #initialize}). */
    public ScaleTrace trace() { return trace; }

    @Override public Object report() { return trace; }

    @Override
    public void initialize(Sequential net, InitContext context) {
        base.initialize(net, context);
        trace = optimize(net, context.sample(), context.sampleLabels(), options, s -> LOG.log(System.Logger.Level.INFO, s.line("gradinit", options.steps())));
    }

    /**
     * The typed entry point: learns the scales of {@code net}'s current parameters on batches of the
     * sample {@code x} [n, features] with int32 {@code labels} (at least 1.5 batches), leaves the
     * rescaled parameters in the network and returns the trace.
     */
    public static ScaleTrace optimize(Sequential net, Tensor x, Tensor labels, GradInitOptions o,
                                      Consumer<ScaleTrace.ScaleStep> listener) {
        long t0 = System.nanoTime();
        SampleBatches batches = new SampleBatches(x, labels);
        if (batches.size() < o.rowsPerStep()) {
            // A sample smaller than 1.5 batches (the default --init-sample is one batch): the largest
            // even batch that fits, so x2 stays disjoint from S.
            int batch = (batches.size() * 2 / 3) & ~1;
            if (batch < 2) throw new IllegalArgumentException("gradinit needs an initialization sample of at least 3 rows, got " + batches.size());
            LOG.log(System.Logger.Level.INFO, "gradinit: the initialization sample has " + batches.size() + " rows, fewer than 1.5 batches of " + o.batch()
                    + "; using batches of " + batch + " (--init-sample " + o.rowsPerStep() + " or more keeps " + o.batch() + ")");
            o = new GradInitOptions(o.steps(), batch, o.eta(), o.gamma(), o.tau(), o.minScale());
        }
        List<ScaleTrace.ScaleStep> steps = new ArrayList<>();
        try (ScaledParameters sp = new ScaledParameters(net, o.minScale()); Work w = new Work(sp, net.backend(), o, x.cols())) {
            RescaleAdam adam = new RescaleAdam(o.tau(), sp.minScales());
            boolean[] active = sp.activeMask();
            for (int t = 1; t <= o.steps(); t++) {
                w.load(batches);
                Evaluation e = evaluate(net, sp, w, o, true);
                adam.step(sp.scales(), e.scaleGradient(), active, e.constraint());
                sp.apply();
                ScaleTrace.ScaleStep s = new ScaleTrace.ScaleStep(t, e.constraint() ? "constraint" : "objective", Double.NaN, Double.NaN,
                        e.loss(), e.gradNorm());
                steps.add(s);
                listener.accept(s);
            }
            return new ScaleTrace("gradinit", steps, Nio.scales(sp), (System.nanoTime() - t0) / 1e9);
        }
    }

    /** One step's measurements: L(S), ||g||, which step, its objective and d obj / d s. */
    record Evaluation(double loss, double gradNorm, boolean constraint, double objective, double[] scaleGradient) { }

    /** Buffers of one run: S, S~ and their labels, g, g' and theta. */
    static final class Work implements AutoCloseable {
        final Tensor s, sLabels, tilde, tildeLabels;
        final List<Tensor> gradient, lookAheadGradient, theta, accumulated;
        private final int half;

        Work(ScaledParameters sp, Backend b, GradInitOptions o, int features) {
            half = o.batch() / 2;
            s = b.zeros(o.batch(), features);
            sLabels = b.allocate(Tensor.DType.I32, o.batch());
            tilde = b.zeros(o.batch(), features);
            tildeLabels = b.allocate(Tensor.DType.I32, o.batch());
            gradient = sp.newVector();
            lookAheadGradient = sp.newVector();
            theta = sp.newVector();
            accumulated = sp.newVector();
        }

        /** S = the next batch (x0 then x1); S~ = x0 then the half batch after it (x2). */
        void load(SampleBatches batches) {
            batches.next(s, sLabels);
            b().copy(s.slice(0, half), tilde.slice(0, half));
            b().copy(sLabels.slice(0, half), tildeLabels.slice(0, half));
            batches.next(tilde.slice(half, half), tildeLabels.slice(half, half));
        }

        private Backend b() { return s.backend(); }

        @Override
        public void close() {
            s.close();
            sLabels.close();
            tilde.close();
            tildeLabels.close();
        }
    }

    /** One step's objective and, when {@code wantGradient}, d obj / d s, at the current parameters. */
    static Evaluation evaluate(Sequential net, ScaledParameters sp, Work w, GradInitOptions o, boolean wantGradient) {
        double loss = net.lossAndGradient(w.s, w.sLabels);
        sp.copyGradients(w.gradient);
        double norm = Math.sqrt(sp.dot(w.gradient, w.gradient));
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("gradinit: the gradient norm is " + norm + " (a dead or diverged network cannot be rescaled)");
        }
        boolean constraint = norm > o.gamma();
        if (constraint) {
            if (!wantGradient) return new Evaluation(loss, norm, true, norm, null);
            // d||g|| / d theta = H g / ||g||, on the pass still loaded.
            sp.setDirections(new double[] {1 / norm}, List.of(w.gradient));
            net.hessianVector();
            sp.zero(w.accumulated);
            sp.addHessianVector(1f, w.accumulated);
            return new Evaluation(loss, norm, true, norm, sp.scaleGradient(w.accumulated));
        }
        // theta' = theta - eta g / ||g||; g' = grad L(S~) there.
        sp.copyValues(w.theta);
        for (int k = 0; k < sp.size(); k++) {
            net.backend().axpy((float) (-o.eta() / norm), w.gradient.get(k), sp.parameters().get(k).value());
        }
        double lookAhead = net.lossAndGradient(w.tilde, w.tildeLabels);
        double objective = lookAhead / o.eta();
        sp.setValues(w.theta);
        if (!wantGradient) return new Evaluation(loss, norm, false, objective, null);
        sp.copyGradients(w.lookAheadGradient);
        double along = sp.dot(w.gradient, w.lookAheadGradient);
        // grad = g'/eta - H_S (g' - g <g, g'> / ||g||^2) / ||g||
        net.lossAndGradient(w.s, w.sLabels);
        sp.setDirections(new double[] {-along / (norm * norm * norm), 1 / norm}, List.of(w.gradient, w.lookAheadGradient));
        net.hessianVector();
        sp.zero(w.accumulated);
        sp.axpy((float) (1 / o.eta()), w.lookAheadGradient, w.accumulated);
        sp.addHessianVector(-1f, w.accumulated);
        return new Evaluation(loss, norm, false, objective, sp.scaleGradient(w.accumulated));
    }
}
