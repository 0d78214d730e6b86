package ibinit.experiment;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.data.DataSplit;
import ibinit.data.Dataset;
import ibinit.init.InitContext;
import ibinit.init.Initializer;
import ibinit.nn.Sequential;
import ibinit.rng.Streams;
import ibinit.tensor.Tensor;
import ibinit.train.Shuffle;

/**
 * An opened {@link ExperimentSpec}: the backend, the data (loaded and split), and the network
 * built and initialized, ready for a use case. Closing it frees the network and the backend.
 * This is the one place that opens a backend, loads data and builds a network for a command.
 */
public final class Experiment implements AutoCloseable {
    private final ExperimentSpec spec;
    private final Backend backend;
    private final DataSplit data;
    private final Sequential network;
    private final Initializer initializer;
    private final double dataSeconds, initSeconds;

    private Experiment(ExperimentSpec spec, Backend backend, DataSplit data, Sequential network, Initializer initializer,
                       double dataSeconds, double initSeconds) {
        this.spec = spec;
        this.backend = backend;
        this.data = data;
        this.network = network;
        this.initializer = initializer;
        this.dataSeconds = dataSeconds;
        this.initSeconds = initSeconds;
    }

    /** Opens the backend, loads the data, builds the network and initializes it. */
    public static Experiment open(ExperimentSpec spec, DataLoader loader) {
        Backend b = Backends.openNamed(spec.backend());
        Sequential net = null;
        try {
            long t0 = System.nanoTime();
            DataSplit d = loader.load(spec.data());
            ExperimentSpec.checkFits(spec.network().architecture(), d);
            long t1 = System.nanoTime();
            Initializer init = spec.init().initializer(spec.network());
            net = spec.network().build(b);
            initialize(net, init, spec, d.train());
            long t2 = System.nanoTime();
            return new Experiment(spec, b, d, net, init, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        } catch (RuntimeException | Error e) {
            if (net != null) net.close();
            b.close();
            throw e;
        }
    }

    /**
     * Draws the initial parameters from the run's init stream ({@link Streams#networkInit}),
     * handing data-driven methods the first {@code init.sample} rows of a seeded permutation of the
     * training set ({@link Shuffle#initSample}).
     */
    private static Dataset initSample(ExperimentSpec spec, Dataset train) {
        int[] rows = Shuffle.initSample(spec.seed(), spec.init().sample(), train.size());
        return train.subset(rows, train.name() + "/init-sample");
    }

    static void initialize(Sequential net, Initializer init, ExperimentSpec spec, Dataset train) {
        Dataset sample = initSample(spec, train);
        Backend b = net.backend();
        try (Tensor x = b.fromArray(sample.features(), sample.size(), sample.featureDim()); Tensor y = b.fromArray(sample.labels(), sample.size())) {
            init.initialize(net, new InitContext(Streams.networkInit(spec.seed()), x, y));
        }
    }

    public ExperimentSpec spec() { return spec; }
    public Backend backend() { return backend; }
    public DataSplit data() { return data; }
    public Sequential network() { return network; }
    /** The training rows data-driven methods saw (see {@link #initialize}). */
    public Dataset initSample() { return initSample(spec, data.train()); }
    public Initializer initializer() { return initializer; }
    /** Seconds spent loading the data (0 when cached) and initializing the network. */
    public double dataSeconds() { return dataSeconds; }
    public double initSeconds() { return initSeconds; }

    @Override
    public void close() {
        network.close();
        backend.close();
    }
}
