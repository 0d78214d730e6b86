package ibinit.info;

import ibinit.data.Permutations;
import ibinit.text.Choices;
import java.util.SplittableRandom;

/**
 * How a batch of b joint pairs (a_i, b_i) gives samples of the product of marginals. Marginal
 * rows come in blocks of b: row i of a block pairs a_i with b_{partner(i)}, so the a side of
 * every block is the batch itself (which lets AA-MINE's trainable copy sum its gradient block
 * by block).
 */
public enum MarginalSampling {
    /** One block: a uniform random permutation (its fixed points are joint pairs posing as marginal). */
    PERMUTATION("permutation"),
    /** One block: a uniform random derangement (no fixed points); needs b &gt;= 2. */
    DERANGEMENT("derangement"),
    /** b - 1 blocks, partner (i + s) mod b for shift s = 1..b-1: every off-diagonal pair once; needs b &gt;= 2. */
    ALL_PAIRS("all-pairs");

    public final String cliName;

    MarginalSampling(String cliName) { this.cliName = cliName; }

    public static MarginalSampling parse(String name) {
        return Choices.parse(MarginalSampling.class, name, m -> m.cliName, "marginal sampling");
    }

    /** Marginal rows for a batch of b: b for the shuffles, b(b-1) for all pairs. */
    public int marginalRows(int b) {
        return this == ALL_PAIRS ? Math.multiplyExact(b, b - 1) : b;
    }

    /** The b-side partner of each marginal row (row r pairs a_{r mod b} with b_{partners[r]}). */
    public int[] partners(int b, SplittableRandom rng) {
        if (b < 1 || (this != PERMUTATION && b < 2)) {
            throw new IllegalArgumentException(cliName + " marginals need a batch of at least " + (this == PERMUTATION ? 1 : 2) + ", got " + b);
        }
        return switch (this) {
            case PERMUTATION -> shuffle(b, rng);
            case DERANGEMENT -> derangement(b, rng);
            case ALL_PAIRS -> {
                int[] p = new int[marginalRows(b)];
                for (int s = 1; s < b; s++) {
                    for (int i = 0; i < b; i++) p[(s - 1) * b + i] = (i + s) % b;
                }
                yield p;
            }
        };
    }

    /** Fisher-Yates (the project's one implementation, {@link Permutations}). */
    static int[] shuffle(int n, SplittableRandom rng) {
        return Permutations.shuffled(n, rng);
    }

    /** Uniform over derangements by rejection: a shuffle has none of its n fixed points with probability ~1/e. */
    private static int[] derangement(int n, SplittableRandom rng) {
        while (true) {
            int[] p = shuffle(n, rng);
            boolean fixed = false;
            for (int i = 0; i < n && !fixed; i++) fixed = p[i] == i;
            if (!fixed) return p;
        }
    }
}
