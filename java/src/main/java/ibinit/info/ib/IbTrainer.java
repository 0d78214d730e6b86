package ibinit.info.ib;

import ibinit.backend.Backend;
import ibinit.nn.ActivationLayer;
import ibinit.nn.Adam;
import ibinit.nn.Dense;
import ibinit.nn.Layer;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import ibinit.data.DataSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs an IB training timeline ({@link Stage#plan}) on an initialized dense network, step by
 * step, checkpointing every {@code checkpointEvery} steps and when asked to stop, and resuming
 * from such a checkpoint. Each step draws only from {@link StepRandom}(seed, step), and every
 * piece of state that outlives a step (weights, Adam moments and step counts, critics, the
 * critics' moving averages) is in the checkpoint, so a resumed run takes the same steps as an
 * uninterrupted one.
 */
public final class IbTrainer {
    /** Hears the run's progress. */
    public interface Progress {
        default void started(long totalSteps, long fromStep) { }

        default void step(long done, long totalSteps, String stage, String status) { }

        default void stageFinished(IbOutcome.StageSummary summary) { }
    }

    private final Sequential net;
    private final DataSplit data;
    private final IbConfig c;
    private final List<Stage> stages;
    private final Backend b;

    public IbTrainer(Sequential net, DataSplit data, IbConfig config) {
        for (Layer l : net.layers()) {
            if (!(l instanceof Dense) && !(l instanceof ActivationLayer)) {
                throw new IllegalArgumentException("ib-train takes dense networks (dense layers and activations), not " + l.describe());
            }
        }
        if (net.weightLayers().size() < 2) throw new IllegalArgumentException("ib-train needs at least one hidden layer");
        this.net = net;
        this.data = data;
        this.c = config;
        this.stages = Stage.plan(config, net.weightLayers().size());
        this.b = net.backend();
    }

    public long totalSteps() { return stages.get(stages.size() - 1).end(); }

    /**
     * Trains until the end or a stop request. {@code checkpoint} (may be null: none) is written
     * every {@code checkpointEvery} steps, at a stop and at the end; with {@code resume} the run
     * starts from it.
     */
    public IbOutcome run(Path checkpoint, boolean resume, BooleanSupplier stop, Progress progress) {
        return run(checkpoint, resume, java.util.Map.of(), stop, progress);
    }

    /**
     * Checks, before any work, that a run may start at {@code checkpoint}: without {@code resume}
     * the file must not exist (it would be overwritten); with it, it must exist and have been made
     * with the same result-changing options ({@code identity}, as option name to value).
     */
    public static void checkStart(Path checkpoint, boolean resume, java.util.Map<String, String> identity, IbConfig config) {
        boolean exists = Files.exists(checkpoint);
        if (!resume && exists) {
            long step = IbCheckpoint.stepOf(checkpoint);
            throw new IllegalArgumentException("--out " + checkpoint.getParent() + " already holds a checkpoint" + (step >= 0 ? " at step " + step : "")
                    + "; add --resume or choose another --out");
        }
        if (resume && !exists) throw new IllegalArgumentException("--resume: no checkpoint at " + checkpoint);
        if (resume) IbCheckpoint.read(checkpoint, config, identity);
    }

    /** As {@link #run(Path, boolean, BooleanSupplier, Progress)}, recording {@code identity} in every checkpoint and comparing it on resume. */
    public IbOutcome run(Path checkpoint, boolean resume, java.util.Map<String, String> identity, BooleanSupplier stop, Progress progress) {
        long t0 = System.nanoTime();
        long step = 0;
        double before = 0;
        List<IbOutcome.StageSummary> done = new ArrayList<>();
        StageState st = null;
        try (TrainingSet set = new TrainingSet(b, data.train())) {
            if (resume) {
                if (checkpoint == null || !Files.exists(checkpoint)) throw new IllegalArgumentException("--resume: no checkpoint at " + checkpoint);
                IbCheckpoint.Contents cp = IbCheckpoint.read(checkpoint, c, identity);
                IbCheckpoint.restoreNetwork(cp, net);
                step = cp.step();
                before = cp.seconds();
                done.addAll(cp.stages());
                if (step < totalSteps() && stageAt(step).start() != step) {
                    st = open(stageAt(step), set);
                    IbCheckpoint.restoreStage(cp, st);
                }
            }
            progress.started(totalSteps(), step);
            while (step < totalSteps()) {
                Stage s = stageAt(step);
                if (stop.getAsBoolean()) {
                    if (checkpoint != null) IbCheckpoint.save(checkpoint, c, identity, step, net, st, done, before + seconds(t0));
                    return new IbOutcome("interrupted", "interrupted at step " + step + " of " + totalSteps()
                            + (checkpoint != null ? "; checkpoint saved, --resume continues" : ""), step, totalSteps(), Double.NaN, Double.NaN, done,
                            before + seconds(t0));
                }
                if (st == null) st = open(s, set);
                if (!step(st, step, set)) {
                    return new IbOutcome("diverged", "diverged at step " + step + " (" + s.label() + "): a non-finite loss or bound", step,
                            totalSteps(), Double.NaN, Double.NaN, done, before + seconds(t0));
                }
                step++;
                String status = st.terms == null ? "" : st.terms.status();
                if (step == s.end()) {
                    IbOutcome.StageSummary sum = new IbOutcome.StageSummary(s.label(), st.terms == null ? Double.NaN : st.terms.iy(),
                            st.terms == null ? Double.NaN : st.terms.ix(), s.pretrain() + s.train());
                    done.add(sum);
                    st.close();
                    st = null;
                    progress.stageFinished(sum);
                }
                if (checkpoint != null && (step % c.checkpointEvery() == 0 || step == totalSteps())) {
                    IbCheckpoint.save(checkpoint, c, identity, step, net, st, done, before + seconds(t0));
                }
                progress.step(step, totalSteps(), s.label(), status);
            }
            double test = TrainingSet.accuracy(net, data.test()), train = TrainingSet.accuracy(net, data.train());
            return new IbOutcome("completed", "completed " + totalSteps() + " steps", step, totalSteps(), test, train, done, before + seconds(t0));
        } finally {
            if (st != null) st.close();
        }
    }

    private static double seconds(long t0) { return (System.nanoTime() - t0) / 1e9; }

    private Stage stageAt(long step) {
        for (Stage s : stages) if (step < s.end()) return s;
        throw new IllegalArgumentException("step " + step + " is past the run's " + totalSteps());
    }

    /** A stage's optimizer (Adam at the network rate) and critics, fresh. */
    private StageState open(Stage s, TrainingSet set) {
        List<Parameter> params = switch (s.kind()) {
            case LAYER, HEAD -> net.weightLayers().get(s.layer() - 1).parameters();
            case NETWORK -> net.parameters();
        };
        IbTerms terms = null;
        if (s.kind() != Stage.Kind.HEAD && (c.effectiveIy() > 0 || c.effectiveIx() > 0)) {
            int width = ((Dense) net.weightLayers().get(s.layer() - 1)).out();
            terms = new IbTerms(b, width, set.classes(), c, ibinit.rng.Streams.ibCriticY(c.seed(), s.layer()),
                    ibinit.rng.Streams.criticKey(c.seed(), ibinit.rng.Streams.Critic.IB_X, s.layer()));
        }
        return new StageState(s, params, new Adam((float) c.networkLr(), 0.9f, 0.999f, 1e-8f, 0f), terms);
    }

    /** One step; false when a loss or a bound is not finite. */
    private boolean step(StageState st, long step, TrainingSet set) {
        Stage s = st.stage;
        StepRandom r = new StepRandom(c.seed(), step);
        int n = set.rows(), batch = Math.min(c.batch(), n);
        int prefix = net.prefixLength(s.layer());
        boolean pretraining = step - s.start() < s.pretrain();
        if (st.terms != null) {
            int k = pretraining ? 1 : c.criticSteps();
            for (int j = 0; j < k; j++) {
                TrainingSet.Batch bt = set.batch(r.rows(n, batch));
                st.terms.trainCritics(bt.oneHot(), net.forwardPrefix(bt.x(), prefix), r, j);
            }
            if (!Double.isFinite(st.terms.iy()) && c.effectiveIy() > 0 || !Double.isFinite(st.terms.ix()) && c.effectiveIx() > 0) return false;
        }
        if (pretraining) return true;
        TrainingSet.Batch bt = set.batch(r.rows(n, batch));
        switch (s.kind()) {
            case LAYER -> {
                Tensor l = net.forwardPrefix(bt.x(), prefix);
                Tensor dL = st.zeroedGradient(b, l.rows(), l.cols());
                st.terms.addGradient(bt.oneHot(), l, dL, r, 63);
                List<Layer> layers = net.layers();
                layers.get(prefix - 2).backwardParametersOnly(layers.get(prefix - 1).backward(dL));
            }
            case HEAD, NETWORK -> {
                Tensor logits = net.forward(bt.x());
                Tensor grad = st.zeroedGradient(b, logits.rows(), logits.cols());
                double loss = b.softmaxCrossEntropy(logits, bt.labels(), grad); // overwrites grad
                if (!Double.isFinite(loss)) return false;
                if (s.kind() == Stage.Kind.HEAD) {
                    net.weightLayers().get(s.layer() - 1).backwardParametersOnly(grad);
                } else {
                    b.scale((float) c.effectiveCe(), grad);
                    if (st.terms != null) st.terms.addGradient(bt.oneHot(), logits, grad, r, 63);
                    net.backward(grad);
                }
            }
        }
        st.adam.step(st.params);
        return true;
    }
}
