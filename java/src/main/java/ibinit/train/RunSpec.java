package ibinit.train;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One self-contained training run: everything needed to repeat it, as plain values, so it can
 * be written as JSON, handed to a local or a distributed executor, and compared on --resume.
 *
 * @param dataset       data set name ({@code fashion-mnist}, {@code mnist}, {@code synthetic})
 * @param dataOptions   the data layer's key=value options (dataDir, fraction, ...), sorted
 * @param arch          architecture in the compact syntax, e.g. {@code 784-100-10}
 * @param activation    activation name ({@code relu}, {@code leaky-relu}, ...)
 * @param activationParam leaky-ReLU slope (ignored by the others)
 * @param init          initialization method with options, e.g. {@code kaiming-normal:mode=fan_out}
 * @param biasInit      how biases start: {@code zeros}, {@code pytorch} or {@code const:V}
 * @param initSample    rows of training data handed to data-driven initializers
 * @param optimizer     optimizer and its settings
 * @param schedule      learning-rate schedule
 * @param epochs        epochs to train
 * @param batch         mini-batch size
 * @param clip          global gradient-norm bound, 0 for none
 * @param seed          seeds the initialization stream, the init sample and every epoch's order
 * @param backend       {@code java}, {@code cpu}, {@code cuda}, or {@code auto} (the best available)
 */
public record RunSpec(String dataset, Map<String, String> dataOptions, String arch, String activation,
                      double activationParam, String init, String biasInit, int initSample, OptimizerSpec optimizer, Schedule schedule,
                      int epochs, int batch, double clip, long seed, String backend) {
    public RunSpec {
        dataOptions = dataOptions == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(dataOptions));
        if (biasInit == null) biasInit = "zeros";
        if (initSample < 1) throw new IllegalArgumentException("--init-sample must be >= 1, got " + initSample);
        trainOptions(epochs, batch, schedule, clip, seed); // validates
        if (optimizer == null) throw new IllegalArgumentException("an optimizer is required");
    }

    public TrainOptions trainOptions() { return trainOptions(epochs, batch, schedule, clip, seed); }

    private static TrainOptions trainOptions(int epochs, int batch, Schedule schedule, double clip, long seed) {
        return new TrainOptions(epochs, batch, schedule, clip, seed);
    }

    /** A readable name for files and tables: {@code kaiming-normal_784-100-10_relu_s3}, file-name safe. */
    public String label() {
        String raw = init + "_" + arch + "_" + activation + "_s" + seed;
        return raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    }

    /** The same run with another seed (grids vary seeds last). */
    public RunSpec withSeed(long newSeed) {
        return new RunSpec(dataset, dataOptions, arch, activation, activationParam, init, biasInit, initSample, optimizer, schedule,
                epochs, batch, clip, newSeed, backend);
    }
}
