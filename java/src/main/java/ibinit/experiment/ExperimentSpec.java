package ibinit.experiment;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.data.DataSplit;
import ibinit.init.FromFile;
import ibinit.init.Initializer;
import ibinit.nn.Architecture;
import ibinit.nn.Sequential;

/**
 * Everything that fixes a run's starting point: data, network, initialization, seed and backend
 * ({@code auto}, {@code java}, {@code cpu}, {@code cuda}). Use cases ({@link SupervisedTraining},
 * {@link InfoPlaneRecording}, {@link IbTraining}, {@link InitialWeights}) take an
 * {@link Experiment} opened from one and add their own settings.
 *
 * <p>The seed drives the initial weights (Philox key seed), the initialization sample and
 * everything a use case draws; every stream is allocated in {@link ibinit.rng.Streams}.
 */
public record ExperimentSpec(DataSpec data, NetworkSpec network, InitSpec init, long seed, String backend) {
    public ExperimentSpec {
        if (data == null || network == null || init == null) throw new IllegalArgumentException("data, network and init are required");
        backend = backend == null || backend.isBlank() ? "auto" : backend.trim().toLowerCase(java.util.Locale.ROOT);
        if (!backend.equals("auto") && !Backends.NAMES.contains(backend)) {
            throw new IllegalArgumentException("unknown --backend '" + backend + "' (choose from auto, java, cpu, cuda)");
        }
    }

    /**
     * Checks everything a run could trip over before it starts, each as one IllegalArgumentException
     * (or a DatasetException / BackendUnavailableException) that names the option: the backend can
     * run here, the data load and fit the network, the method and its options are valid, a weights
     * file exists and matches the network. Loads the data (through {@code loader}'s cache).
     */
    public void check(DataLoader loader) {
        Backends.check(backend);
        Architecture arch = network.architecture();
        Initializer initializer = init.initializer(network);
        DataSplit d = loader.load(data);
        checkFits(arch, d);
        if (initializer instanceof FromFile f) {
            try (Backend ref = Backends.reference(); Sequential net = network.build(ref)) {
                FromFile.load(net, f.file()); // names, shapes and values, on the reference backend
            }
        }
    }

    /** The network takes the data's features and has an output per class. */
    static void checkFits(Architecture arch, DataSplit d) {
        if (d.train().size() == 0 || d.test().size() == 0) throw new IllegalArgumentException("the training and test sets must not be empty");
        if (d.train().classes() < 2) throw new IllegalArgumentException("a classifier needs at least 2 classes, the data have " + d.train().classes());
        if (arch.inputSize() != d.train().featureDim()) {
            throw new IllegalArgumentException("--arch " + arch + " takes " + arch.inputSize() + " inputs but the data have "
                    + d.train().featureDim() + " features per example");
        }
        if (arch.outputSize() < d.train().classes()) {
            throw new IllegalArgumentException("--arch " + arch + " has " + arch.outputSize() + " outputs but the data have "
                    + d.train().classes() + " classes");
        }
    }

    public ExperimentSpec withSeed(long newSeed) { return new ExperimentSpec(data, network, init, newSeed, backend); }

    public ExperimentSpec withData(DataSpec newData) { return new ExperimentSpec(newData, network, init, seed, backend); }

    public ExperimentSpec withInit(InitSpec newInit) { return new ExperimentSpec(data, network, newInit, seed, backend); }
}
