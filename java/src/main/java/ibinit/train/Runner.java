package ibinit.train;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.init.BiasInit;
import ibinit.init.InitContext;
import ibinit.init.Initializer;
import ibinit.init.Initializers;
import ibinit.nn.Architecture;
import ibinit.nn.Optimizer;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs one {@link RunSpec} from start to end on this machine: opens its backend (threads per
 * {@link ibinit.backend.ThreadPolicy}), loads the data, builds and initializes the network,
 * trains, and returns a {@link RunResult}. Any failure becomes a result with status FAILED and
 * the error in its detail, so one bad cell never stops a grid; call {@link #validate} first to
 * turn mistakes in the description into errors before anything runs.
 */
public final class Runner {
    private final DataSource data;

    public Runner(DataSource data) { this.data = data; }

    /** Throws IllegalArgumentException naming what is wrong with {@code spec} (architecture, activation, method, smoothing, data shape). */
    public void validate(RunSpec spec) {
        Architecture arch = Architecture.parse(spec.arch());
        Activation act = Activation.parse(spec.activation());
        initializer(spec, act);
        ibinit.train.smoothing.Smoothing.parse(spec.smoothing()).smoothedLayers(arch); // the layers exist and exclude the head
        if (!spec.backend().equals("auto")) Backends.probe(spec.backend()); // rejects unknown names
        TrainTestData d = data.load(spec.dataset(), spec.dataOptions());
        if (arch.inputSize() != d.train().dims()) {
            throw new IllegalArgumentException("architecture " + arch + " takes " + arch.inputSize() + " inputs but "
                    + spec.dataset() + " has " + d.train().dims() + " features per example");
        }
        if (arch.outputSize() < d.train().classes()) {
            throw new IllegalArgumentException("architecture " + arch + " has " + arch.outputSize() + " outputs but "
                    + spec.dataset() + " has " + d.train().classes() + " classes");
        }
    }

    public RunResult run(RunSpec spec, TrainingListener listener, BooleanSupplier stopRequested) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        double dataSeconds = 0, initSeconds = 0;
        String network = "", optimizerText = "", dataText = "";
        long parameters = 0;
        Backend backend = null;
        try {
            backend = spec.backend().equals("auto") ? Backends.openDefault() : Backends.open(spec.backend());
            long t1 = System.nanoTime();
            TrainTestData d = data.load(spec.dataset(), spec.dataOptions());
            dataText = d.description();
            long t2 = System.nanoTime();
            dataSeconds = (t2 - t1) / 1e9;
            Architecture arch = Architecture.parse(spec.arch());
            Activation act = Activation.parse(spec.activation());
            try (Sequential net = Sequential.build(backend, arch, act, (float) spec.activationParam());
                 Optimizer optimizer = spec.optimizer().create()) {
                network = net.describe();
                parameters = net.parameterCount();
                optimizerText = optimizer.describe();
                initialize(net, spec, d.train(), act);
                long t3 = System.nanoTime();
                initSeconds = (t3 - t2) / 1e9;
                TrainingOutcome o = Trainer.train(net, optimizer, d, spec.trainOptions(), listener, stopRequested);
                return new RunResult(spec, o.status(), o.detail(), o.bestError(), o.bestEpoch(), o.history(), network,
                        parameters, optimizerText, dataText, new RunResult.Timings(dataSeconds, initSeconds, o.seconds(),
                        (System.nanoTime() - t0) / 1e9), Provenance.collect(backend, started, Instant.now()));
            }
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            String why = e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new RunResult(spec, RunStatus.FAILED, "failed: " + why, Double.NaN, 0, List.of(), network, parameters,
                    optimizerText, dataText, new RunResult.Timings(dataSeconds, initSeconds, 0, (System.nanoTime() - t0) / 1e9),
                    Provenance.collect(backend, started, Instant.now()));
        } finally {
            if (backend != null) backend.close();
        }
    }

    private static Initializer initializer(RunSpec spec, Activation act) {
        return Initializers.create(spec.init(), act, (float) spec.activationParam(), BiasInit.parse(spec.biasInit()));
    }

    /**
     * Draws the initial parameters from random stream (seed, 0), handing data-driven methods a
     * fixed, seeded sample of training rows (see {@link Shuffle#initSample}).
     */
    private static void initialize(Sequential net, RunSpec spec, TrainingData train, Activation act) {
        Initializer init = initializer(spec, act);
        int[] rows = Shuffle.initSample(spec.seed(), spec.initSample(), train.rows());
        float[] x = new float[rows.length * train.dims()];
        int[] y = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(train.features(), rows[k] * train.dims(), x, k * train.dims(), train.dims());
            y[k] = train.labels()[rows[k]];
        }
        Backend b = net.backend();
        try (Tensor sample = b.fromArray(x, rows.length, train.dims()); Tensor labels = b.fromArray(y, rows.length)) {
            init.initialize(net, new InitContext(RandomStream.of(spec.seed(), 0), sample, labels));
        }
    }
}
