package ibinit.data;

import java.util.SplittableRandom;

/**
 * Our equivalent of the synthetic task of Shwartz-Ziv and Tishby (2017): 12 binary inputs, all
 * 4096 patterns, two classes. Their labels came from "a spherically symmetric function of the
 * inputs, thresholded to give roughly balanced classes"; their exact function is not published
 * in a form we can rebuild, so we use this documented rule:
 * <ul>
 *   <li>the 12 bits sit on the 12 vertices of a regular icosahedron (unit vectors v_k, the
 *       even permutations of (0, +-1, +-phi), normalised); bit j goes to vertex pi(j), where pi is a
 *       Fisher-Yates permutation drawn from {@code SplittableRandom(seed)};</li>
 *   <li>f(x) = || sum_j x_j v_pi(j) ||^2, the squared length of the sum of the chosen vertices: a
 *       function that every rotation of the icosahedron leaves unchanged (the "spherical
 *       symmetry"), taking 20 distinct values over the 4096 patterns;</li>
 *   <li>y = [f(x) &gt; theta], theta = 2.55, midway between the levels 2.2111 and 2.8944, the cut
 *       closest to balance: 2036 of the 4096 patterns (49.7%) are class 1, for every seed.</li>
 * </ul>
 * Inputs are 0/1 floats (their data file's coding). The training set is a seeded 80% of the
 * patterns (3276, shuffled by {@code SplittableRandom(Permutations.derive(seed, SPLIT_SALT))}),
 * the test set the other 820; {@link #all()} holds every pattern in binary-counting order,
 * pattern p having bit j = (p &gt;&gt; j) &amp; 1, as the information plane measures on all of them.
 */
public final class TwelveBitTask {
    public static final String NAME = "12bit";
    public static final int BITS = 12;
    public static final int PATTERNS = 1 << BITS;
    public static final double TRAIN_FRACTION = 0.8;
    /** Midway between the 9th and 10th of the 20 levels of f: the most balanced cut. */
    public static final double THRESHOLD = 2.55;
    static final long SPLIT_SALT = ibinit.rng.Streams.DATA_TWELVE_BIT_SPLIT_SALT;

    private final long seed;
    private final Dataset all;
    private final DataSplit split;

    private TwelveBitTask(long seed, Dataset all, DataSplit split) {
        this.seed = seed;
        this.all = all;
        this.split = split;
    }

    public static TwelveBitTask generate(long seed) {
        double[][] vertices = vertices(seed);
        float[] x = new float[PATTERNS * BITS];
        int[] y = new int[PATTERNS];
        for (int p = 0; p < PATTERNS; p++) {
            for (int j = 0; j < BITS; j++) x[p * BITS + j] = (p >> j) & 1;
            y[p] = value(p, vertices) > THRESHOLD ? 1 : 0;
        }
        Dataset all = new Dataset("12bit/all", x, y, BITS, 2, null);
        int[] order = Permutations.shuffled(PATTERNS, new SplittableRandom(Permutations.derive(seed, SPLIT_SALT)));
        int trainSize = (int) Math.floor(TRAIN_FRACTION * PATTERNS);
        int[] train = java.util.Arrays.copyOfRange(order, 0, trainSize);
        int[] test = java.util.Arrays.copyOfRange(order, trainSize, PATTERNS);
        int ones = 0;
        for (int v : y) ones += v;
        String description = String.format(java.util.Locale.ROOT,
                "12-bit task (our equivalent of Shwartz-Ziv & Tishby's: y = [||sum of the chosen icosahedron vertices||^2 > %.2f], "
                        + "vertex order seed %d): %d patterns, class 1 %d (%.1f%%); %d train / %d test",
                THRESHOLD, seed, PATTERNS, ones, 100.0 * ones / PATTERNS, train.length, test.length);
        return new TwelveBitTask(seed, all, new DataSplit(all.subset(train, "12bit/train"), all.subset(test, "12bit/test"), description));
    }

    public long seed() { return seed; }

    /** Every pattern once, in binary-counting order. */
    public Dataset all() { return all; }

    /** The seeded 80% / 20% split that training uses. */
    public DataSplit split() { return split; }

    /** Patterns of class 1 over all 4096. */
    public int positives() {
        int n = 0;
        for (int v : all.labels()) n += v;
        return n;
    }

    /** f(pattern) = ||sum_j bit_j v_pi(j)||^2. */
    static double value(int pattern, double[][] vertices) {
        double sx = 0, sy = 0, sz = 0;
        for (int j = 0; j < BITS; j++) {
            if (((pattern >> j) & 1) == 0) continue;
            sx += vertices[j][0];
            sy += vertices[j][1];
            sz += vertices[j][2];
        }
        return sx * sx + sy * sy + sz * sz;
    }

    /** Unit icosahedron vertices, row j being the vertex that bit j sits on. */
    static double[][] vertices(long seed) {
        double phi = (1 + Math.sqrt(5)) / 2, norm = Math.sqrt(1 + phi * phi);
        double[][] v = new double[BITS][];
        int k = 0;
        for (int a : new int[] {1, -1}) {
            for (double b : new double[] {phi, -phi}) {
                v[k++] = new double[] {0, a / norm, b / norm};
                v[k++] = new double[] {a / norm, b / norm, 0};
                v[k++] = new double[] {b / norm, 0, a / norm};
            }
        }
        int[] pi = Permutations.shuffled(BITS, new SplittableRandom(seed));
        double[][] out = new double[BITS][];
        for (int j = 0; j < BITS; j++) out[j] = v[pi[j]];
        return out;
    }
}
