package ibinit.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded Gaussian class mixtures of any size. Each class c has a mean mu_c: a standard normal
 * vector rescaled to length {@code separation}, so the means lie on a sphere of that radius
 * (in units of the within-class standard deviation); a sample of class c is mu_c + N(0, I).
 * Labels are balanced (counts differ by at most one) and in shuffled order.
 *
 * <p>Randomness: {@code SplittableRandom(Permutations.derive(seed, SALT))} split into three
 * streams, for the means, the training set and the test set, in that order; normals come from
 * Box-Muller on {@code nextDouble()}, so a seed gives the same data on every JDK. Train and test
 * share the means and are independent draws.
 */
public final class SyntheticMixture {
    static final String NAME = "synthetic";
    static final long SALT = ibinit.rng.Streams.DATA_SYNTHETIC_SALT;
    static final List<String> OPTIONS = List.of(DataOptions.CLASSES, DataOptions.DIMS, DataOptions.TRAIN_SIZE,
            DataOptions.TEST_SIZE, DataOptions.SEPARATION);

    private SyntheticMixture() { }

    /** Generates train and test sets; see the class comment for the recipe. */
    public static DataSplit generate(int classes, int dims, int trainSize, int testSize, double separation, long seed) {
        if (classes < 2 || dims < 1 || trainSize < 1 || testSize < 1 || !(separation >= 0)) {
            throw new DatasetException("synthetic: need classes >= 2, dims >= 1, sizes >= 1, separation >= 0; got classes="
                    + classes + " dims=" + dims + " trainSize=" + trainSize + " testSize=" + testSize + " separation=" + separation);
        }
        SplittableRandom root = new SplittableRandom(Permutations.derive(seed, SALT));
        Normal meanRng = new Normal(root.split());
        Normal trainRng = new Normal(root.split());
        Normal testRng = new Normal(root.split());
        float[][] means = new float[classes][dims];
        for (float[] mu : means) {
            double[] g = new double[dims];
            double norm = 0;
            while (norm == 0) {
                norm = 0;
                for (int j = 0; j < dims; j++) { g[j] = meanRng.next(); norm += g[j] * g[j]; }
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < dims; j++) mu[j] = (float) (separation * g[j] / norm);
        }
        Dataset train = sample(means, trainSize, trainRng, NAME + "/train");
        Dataset test = sample(means, testSize, testRng, NAME + "/test");
        return new DataSplit(train, test, String.format(
                "synthetic Gaussian mixture: %d classes, %d dims, separation %s, seed %d: %d train / %d test",
                classes, dims, separation, seed, trainSize, testSize));
    }

    static DataSplit load(DataOptions o) {
        return generate(o.intValue(DataOptions.CLASSES, 10, 2), o.intValue(DataOptions.DIMS, 20, 1),
                o.intValue(DataOptions.TRAIN_SIZE, 1000, 1), o.intValue(DataOptions.TEST_SIZE, 1000, 1),
                o.doubleValue(DataOptions.SEPARATION, 3.0), o.longValue(DataOptions.SEED, 0));
    }

    private static Dataset sample(float[][] means, int n, Normal rng, String name) {
        int classes = means.length, dims = means[0].length;
        int[] order = Permutations.shuffled(n, rng.random.nextLong());
        int[] labels = new int[n];
        float[] x = new float[Math.multiplyExact(n, dims)];
        for (int i = 0; i < n; i++) {
            labels[i] = order[i] % classes;
            float[] mu = means[labels[i]];
            for (int j = 0; j < dims; j++) x[i * dims + j] = (float) (mu[j] + rng.next());
        }
        return new Dataset(name, x, labels, dims, classes, null);
    }

    /** Standard normals by Box-Muller, both values of each pair used. */
    private static final class Normal {
        final SplittableRandom random;
        private double spare;
        private boolean hasSpare;

        Normal(SplittableRandom random) { this.random = random; }

        double next() {
            if (hasSpare) { hasSpare = false; return spare; }
            double u1 = 1.0 - random.nextDouble(); // (0, 1]: log stays finite
            double u2 = random.nextDouble();
            double r = Math.sqrt(-2.0 * Math.log(u1));
            spare = r * Math.sin(2 * Math.PI * u2);
            hasSpare = true;
            return r * Math.cos(2 * Math.PI * u2);
        }
    }
}
