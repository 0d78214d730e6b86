package ibinit.cli;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.data.DataOptions;
import ibinit.data.DataSplit;
import ibinit.data.Dataset;
import ibinit.data.Datasets;
import ibinit.data.StratifiedSampling;
import ibinit.init.BiasInit;
import ibinit.init.InitContext;
import ibinit.init.Initializer;
import ibinit.init.Initializers;
import ibinit.init.LayerScales;
import ibinit.nn.Architecture;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import ibinit.weights.NetworkWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ibinit init}: builds a network, initializes it with a method (data-driven methods see a
 * stratified sample of the training set) and writes the initial weights as safetensors, named
 * as {@link ibinit.nn.Parameter#name()} ({@code layers.0.weight} [out, in], {@code layers.0.bias}).
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Initialize a network and write its initial weights to a safetensors file.")
final class InitCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--dataset", description = "Data set: fashion-mnist, mnist or synthetic (default: ${DEFAULT-VALUE}).")
    String dataset = "fashion-mnist";

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder holding the data set's files.")
    Path dataDir;

    @Option(names = "--data-option", paramLabel = "KEY=VALUE", description = "Further data set option (repeatable), e.g. classes=4 for synthetic.")
    List<String> dataOptions = new ArrayList<>();

    @Option(names = "--arch", description = "Architecture, e.g. 784-100-10 (default: ${DEFAULT-VALUE}).")
    String arch = "784-100-10";

    @Option(names = "--act", description = "Hidden activation: relu, leaky-relu, tanh, sigmoid, identity (default: ${DEFAULT-VALUE}).")
    String act = "relu";

    @Option(names = "--leaky-slope", description = "Slope of leaky-relu for negative inputs (default: ${DEFAULT-VALUE}).")
    float leakySlope = 0.01f;

    @Option(names = "--method", description = "Initialization method with options, e.g. ibci, ibci:base=he, xavier (default: ${DEFAULT-VALUE}).")
    String method = "ibci";

    @Option(names = "--bias", description = "Biases of data-free methods: zeros, pytorch, const:V (default: ${DEFAULT-VALUE}).")
    String bias = "zeros";

    @Option(names = "--seed", description = "Seed of the random draws and of the sample (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--sample", paramLabel = "N", description = "Training examples data-driven methods see, stratified by class; 0 = all (default: ${DEFAULT-VALUE}).")
    int sample = 0;

    @Option(names = "--backend", description = "java, cpu or cuda (default: the best available).")
    String backend;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The safetensors file to write.")
    Path out;

    @Option(names = "--scales", description = "Also print each dense layer's scale on the sample: mean row norm, std of its pre-activations and of its activations (the logits' for the output layer).")
    boolean scales;

    @Override
    public Integer call() {
        if (sample < 0) throw new IllegalArgumentException("--sample must be >= 0, got " + sample);
        Architecture architecture = Architecture.parse(arch);
        Activation activation = Activation.parse(act);
        Initializer init = Initializers.create(method, activation, leakySlope, BiasInit.parse(bias));
        Dataset train = loadTrain();
        if (train.featureDim() != architecture.inputSize()) {
            throw new IllegalArgumentException("--arch " + arch + " takes " + architecture.inputSize() + " inputs; data set " + dataset
                    + " has " + train.featureDim() + " features");
        }
        if (sample > train.size()) throw new IllegalArgumentException("--sample " + sample + " exceeds the " + train.size() + " training examples");
        Dataset picked = sample == 0 || sample == train.size() ? train
                : train.subset(StratifiedSampling.pick(train.labels(), train.classes(), sample, seed), train.name() + "/sample");
        long t0 = System.nanoTime();
        try (Backend b = backend == null ? Backends.openDefault() : Backends.open(backend);
             Sequential net = Sequential.build(b, architecture, activation, leakySlope);
             Tensor x = b.fromArray(picked.features(), picked.size(), picked.featureDim());
             Tensor y = b.fromArray(picked.labels(), picked.size())) {
            init.initialize(net, new InitContext(RandomStream.of(seed, 0), x, y));
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("format", "pt");
            meta.put("method", init.name());
            meta.put("seed", Long.toString(seed));
            meta.put("arch", arch);
            meta.put("activation", activation.cliName);
            meta.put("dataset", dataset);
            meta.put("sample", Integer.toString(picked.size()));
            meta.put("backend", b.name());
            NetworkWeights.save(net, out, meta);
            spec.commandLine().getOut().printf("wrote %s: %d parameters of %s (%s), method %s, seed %d, %d samples, %.2f s on %s%n",
                    out, net.parameterCount(), arch, activation.cliName, init.name(), seed, picked.size(), seconds, b.name());
            if (scales) printScales(LayerScales.measure(net, x));
            spec.commandLine().getOut().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return 0;
    }

    private void printScales(List<LayerScales> layers) {
        var o = spec.commandLine().getOut();
        o.println("layer\tin\tout\trow_norm\tpre_std\tact_std");
        for (LayerScales l : layers) {
            o.printf(java.util.Locale.ROOT, "%s\t%d\t%d\t%.4f\t%.4f\t%.4f%n", l.layer(), l.in(), l.out(), l.rowNorm(), l.preStd(), l.activationStd());
        }
    }

    private Dataset loadTrain() {
        DataOptions options = DataOptions.parse(dataOptions);
        if (dataDir != null) options = options.with(DataOptions.DATA_DIR, dataDir.toString());
        if (options.get(DataOptions.SEED).isEmpty()) options = options.with(DataOptions.SEED, seed);
        try {
            DataSplit split = Datasets.load(dataset, options);
            return split.train();
        } catch (ibinit.data.DatasetException e) {
            throw new UserException(e.getMessage(), e);
        }
    }
}
