package ibinit.data;

import java.util.Locale;

/**
 * Shift-and-scale fitted on a training set and applied unchanged to any set (train and test), so
 * no test statistics leak into training. {@code GLOBAL} uses one mean and standard deviation over
 * all features (keeps the relative contrast between pixels, the usual choice for images);
 * {@code PER_FEATURE} uses one per column. Statistics accumulate in double; the standard deviation
 * is the population one (divide by N). A constant column (std below 1e-8, e.g. MNIST's always-black
 * corner pixels) is only centered, not divided, to avoid dividing by zero.
 */
public record Standardization(Mode mode, float[] mean, float[] scale) {
    public enum Mode {
        NONE, GLOBAL, PER_FEATURE;

        /** Parses {@code none}, {@code global}, {@code per-feature} (case and dash/underscore free). */
        public static Mode parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "none" -> NONE;
                case "global" -> GLOBAL;
                case "per-feature", "perfeature" -> PER_FEATURE;
                default -> throw new DatasetException("standardize must be none, global or per-feature, got '" + text + "'");
            };
        }

        public String text() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    private static final double CONSTANT_STD = 1e-8;

    /** Fits the statistics of {@code mode} on {@code train}. */
    public static Standardization fit(Dataset train, Mode mode) {
        int d = train.featureDim();
        float[] f = train.features();
        return switch (mode) {
            case NONE -> new Standardization(mode, new float[] {0f}, new float[] {1f});
            case GLOBAL -> {
                double sum = 0, sumSq = 0;
                for (float v : f) { sum += v; sumSq += (double) v * v; }
                double mean = sum / f.length;
                yield new Standardization(mode, new float[] {(float) mean},
                        new float[] {scaleFor(sumSq / f.length - mean * mean)});
            }
            case PER_FEATURE -> {
                double[] sum = new double[d], sumSq = new double[d];
                for (int i = 0; i < f.length; i++) {
                    sum[i % d] += f[i];
                    sumSq[i % d] += (double) f[i] * f[i];
                }
                float[] mean = new float[d], scale = new float[d];
                int n = train.size();
                for (int j = 0; j < d; j++) {
                    double m = sum[j] / n;
                    mean[j] = (float) m;
                    scale[j] = scaleFor(sumSq[j] / n - m * m);
                }
                yield new Standardization(mode, mean, scale);
            }
        };
    }

    private static float scaleFor(double variance) {
        double std = Math.sqrt(Math.max(0, variance));
        return std < CONSTANT_STD ? 1f : (float) std;
    }

    /** {@code data} with every feature replaced by {@code (x - mean) / std}. */
    public Dataset apply(Dataset data) {
        if (mode == Mode.NONE) return data;
        if (mode == Mode.PER_FEATURE && mean.length != data.featureDim()) {
            throw new IllegalArgumentException("fitted on " + mean.length + " features, data has " + data.featureDim());
        }
        float[] in = data.features(), out = new float[in.length];
        int width = mean.length;
        for (int i = 0; i < in.length; i++) {
            int j = width == 1 ? 0 : i % width;
            out[i] = (in[i] - mean[j]) / scale[j];
        }
        return data.withFeatures(out);
    }
}
