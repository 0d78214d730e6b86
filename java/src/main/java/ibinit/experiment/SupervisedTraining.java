package ibinit.experiment;

import ibinit.backend.Backend;
import ibinit.nn.Architecture;
import ibinit.nn.Optimizer;
import ibinit.train.Provenance;
import ibinit.train.RunResult;
import ibinit.train.RunSpec;
import ibinit.train.RunStatus;
import ibinit.train.RunTask;
import ibinit.train.Trainer;
import ibinit.train.TrainingListener;
import ibinit.train.TrainingOutcome;
import ibinit.train.smoothing.Smoothing;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The supervised-training use case ({@code train}, {@code compare}): opens the run's
 * {@link Experiment}, trains it with cross-entropy ({@link Trainer}) and returns a
 * {@link RunResult}. A failure while running becomes a result with status FAILED and the error in
 * its detail, so one bad cell never stops a grid; {@link #check} first turns every mistake in
 * the description into an error before anything runs.
 */
public final class SupervisedTraining implements RunTask {
    private final DataLoader data;

    public SupervisedTraining(DataLoader data) { this.data = data; }

    public SupervisedTraining() { this(DataLoader.cached()); }

    /** A grid cell's starting point: data, network, initialization, seed, backend. */
    public static ExperimentSpec experimentOf(RunSpec r) {
        return new ExperimentSpec(new DataSpec(r.dataset(), r.dataOptions()), new NetworkSpec(r.arch(), r.activation(), r.activationParam()),
                new InitSpec(r.init(), r.biasInit(), r.initSample()), r.seed(), r.backend());
    }

    /**
     * Throws IllegalArgumentException (or a DatasetException, BackendUnavailableException) naming
     * what is wrong with {@code spec}, its smoothing protocol included (the layers it names exist
     * and are not the head).
     */
    public void check(RunSpec spec) {
        experimentOf(spec).check(data);
        Smoothing.parse(spec.smoothing()).smoothedLayers(Architecture.parse(spec.arch()));
    }

    @Override
    public RunResult run(RunSpec spec, TrainingListener listener, BooleanSupplier stopRequested) {
        return run(spec, listener, stopRequested, e -> { });
    }

    /** As {@link #run(RunSpec, TrainingListener, BooleanSupplier)}; {@code initialized} sees the experiment before the first step (e.g. to save the initial weights). */
    public RunResult run(RunSpec spec, TrainingListener listener, BooleanSupplier stopRequested, Consumer<Experiment> initialized) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Backend backend = null;
        String network = "", optimizerText = "", dataText = "";
        long parameters = 0;
        double dataSeconds = 0, initSeconds = 0;
        try (Experiment e = Experiment.open(experimentOf(spec), data); Optimizer optimizer = spec.optimizer().create()) {
            backend = e.backend();
            network = e.network().describe();
            parameters = e.network().parameterCount();
            optimizerText = optimizer.describe();
            dataText = e.data().description();
            dataSeconds = e.dataSeconds();
            initSeconds = e.initSeconds();
            initialized.accept(e);
            double toFirstStep = RunResult.Timings.secondsSinceProcessStart();
            TrainingOutcome o = Trainer.train(e.network(), optimizer, e.data(), spec.trainOptions(), listener, stopRequested);
            return new RunResult(spec, o.status(), o.detail(), o.bestError(), o.bestEpoch(), o.history(), network,
                    parameters, optimizerText, dataText, new RunResult.Timings(dataSeconds, initSeconds, o.seconds(),
                    (System.nanoTime() - t0) / 1e9, toFirstStep), Provenance.collect(backend, started, Instant.now()), e.initializer().report());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError ex) {
            String why = ex.getMessage() == null ? ex.toString() : ex.getClass().getSimpleName() + ": " + ex.getMessage();
            return new RunResult(spec, RunStatus.FAILED, "failed: " + why, Double.NaN, 0, List.of(), network, parameters,
                    optimizerText, dataText, new RunResult.Timings(dataSeconds, initSeconds, 0, (System.nanoTime() - t0) / 1e9),
                    Provenance.collect(null, started, Instant.now()));
        }
    }
}
