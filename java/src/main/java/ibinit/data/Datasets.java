package ibinit.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The data set registry: {@code load(name, options)} for {@code fashion-mnist}, {@code mnist},
 * {@code synthetic} and {@code 12bit} (the information-plane task; its {@code seed} also orders the bits). Steps, in order: load (image pixels scaled /255 unless {@code scale=none});
 * keep a stratified {@code fraction} of the training set (seeded; test set untouched);
 * {@code standardize} with statistics of the training set as kept, applied to train and test.
 * Each step is recorded in {@link DataSplit#description()}.
 */
public final class Datasets {
    public static final List<String> NAMES = List.of(FashionMnist.NAME, Mnist.NAME, SyntheticMixture.NAME, TwelveBitTask.NAME);
    static final long FRACTION_SALT = ibinit.rng.Streams.DATA_FRACTION_SALT;

    private Datasets() { }

    public static DataSplit load(String name, DataOptions options) {
        String n = name.toLowerCase(Locale.ROOT);
        options.requireOnly(n, allowedOptions(n));
        DataSplit split = switch (n) {
            case FashionMnist.NAME -> FashionMnist.load(options);
            case Mnist.NAME -> Mnist.load(options);
            case SyntheticMixture.NAME -> SyntheticMixture.load(options);
            case TwelveBitTask.NAME -> TwelveBitTask.generate(options.longValue(DataOptions.SEED, 0)).split();
            default -> throw unknown(name);
        };
        return standardize(takeFraction(split, options), options);
    }

    /** The option keys data set {@code name} accepts, common ones included. */
    public static List<String> allowedOptions(String name) {
        List<String> own = switch (name.toLowerCase(Locale.ROOT)) {
            case FashionMnist.NAME -> FashionMnist.OPTIONS;
            case Mnist.NAME -> Mnist.OPTIONS;
            case SyntheticMixture.NAME -> SyntheticMixture.OPTIONS;
            case TwelveBitTask.NAME -> List.<String>of();
            default -> throw unknown(name);
        };
        List<String> all = new ArrayList<>(DataOptions.COMMON);
        all.addAll(own);
        return all;
    }

    private static DataSplit takeFraction(DataSplit split, DataOptions options) {
        double fraction = options.doubleValue(DataOptions.FRACTION, 1.0);
        if (fraction == 1.0) return split;
        long seed = options.longValue(DataOptions.SEED, 0);
        Dataset kept = StratifiedSampling.fraction(split.train(), fraction, Permutations.derive(seed, FRACTION_SALT));
        return new DataSplit(kept, split.test(), split.description()).withNote(
                "training fraction " + fraction + " kept: " + kept.size() + " of " + split.train().size()
                        + " examples, stratified by class, seed " + seed);
    }

    private static DataSplit standardize(DataSplit split, DataOptions options) {
        Standardization.Mode mode = Standardization.Mode.parse(options.string(DataOptions.STANDARDIZE, "none"));
        if (mode == Standardization.Mode.NONE) return split;
        Standardization s = Standardization.fit(split.train(), mode);
        return new DataSplit(s.apply(split.train()), s.apply(split.test()), split.description())
                .withNote("standardized " + mode.text() + " with training-set mean and std");
    }

    private static DatasetException unknown(String name) {
        return new DatasetException("unknown data set '" + name + "'; known: " + String.join(", ", NAMES));
    }
}
