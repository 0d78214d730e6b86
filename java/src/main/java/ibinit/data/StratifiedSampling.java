package ibinit.data;

import java.util.Arrays;

/**
 * Seeded class-stratified selections: each class contributes in proportion to its share.
 * Quotas use the largest-remainder rule (floor of each class's exact share, then one more to the
 * classes with the largest fractional parts, ties to the lower class index), so the total is exact
 * and no class is off its exact share by one example or more. Within a class, members are taken in
 * the order of {@link Permutations#shuffled} with a per-class derived seed. Selected examples keep
 * their original relative order; shuffle for training separately.
 */
public final class StratifiedSampling {
    private StratifiedSampling() { }

    /** Indices (ascending) of a stratified sample of {@code k} of the examples. */
    public static int[] pick(int[] labels, int classes, int k, long seed) {
        if (k < 0 || k > labels.length) throw new IllegalArgumentException("cannot pick " + k + " of " + labels.length + " examples");
        int[][] members = membersByClass(labels, classes);
        int[] quota = quotas(members, labels.length, k);
        int[] picked = new int[k];
        int at = 0;
        for (int c = 0; c < classes; c++) {
            int[] order = Permutations.shuffled(members[c].length, Permutations.derive(seed, c));
            for (int q = 0; q < quota[c]; q++) picked[at++] = members[c][order[q]];
        }
        Arrays.sort(picked);
        return picked;
    }

    /** A stratified {@code fraction} of {@code data} (rounded to the nearest count, at least one). */
    public static Dataset fraction(Dataset data, double fraction, long seed) {
        if (!(fraction > 0 && fraction <= 1)) throw new DatasetException("fraction must be in (0, 1], got " + fraction);
        int k = (int) Math.max(1, Math.round(fraction * data.size()));
        return data.subset(pick(data.labels(), data.classes(), k, seed), data.name());
    }

    /** Splits {@code data} into a training part and a stratified test part of {@code testSize}. */
    public static DataSplit split(Dataset data, int testSize, long seed, String trainName, String testName, String description) {
        if (testSize <= 0 || testSize >= data.size()) {
            throw new DatasetException(data.name() + ": test size must be in 1.." + (data.size() - 1) + ", got " + testSize);
        }
        int[] test = pick(data.labels(), data.classes(), testSize, seed);
        int[] train = complement(test, data.size());
        return new DataSplit(data.subset(train, trainName), data.subset(test, testName), description);
    }

    private static int[][] membersByClass(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int y : labels) counts[y]++;
        int[][] members = new int[classes][];
        for (int c = 0; c < classes; c++) members[c] = new int[counts[c]];
        int[] fill = new int[classes];
        for (int i = 0; i < labels.length; i++) members[labels[i]][fill[labels[i]]++] = i;
        return members;
    }

    private static int[] quotas(int[][] members, int n, int k) {
        int classes = members.length;
        int[] quota = new int[classes];
        if (n == 0) return quota;
        long[] remainder = new long[classes]; // exact share * n, fractional part scaled by n
        int assigned = 0;
        for (int c = 0; c < classes; c++) {
            long scaled = (long) k * members[c].length;
            quota[c] = (int) (scaled / n);
            remainder[c] = scaled % n;
            assigned += quota[c];
        }
        Integer[] byRemainder = new Integer[classes];
        for (int c = 0; c < classes; c++) byRemainder[c] = c;
        Arrays.sort(byRemainder, (a, b) -> remainder[a] != remainder[b] ? Long.compare(remainder[b], remainder[a]) : Integer.compare(a, b));
        for (int r = 0; assigned < k; r++, assigned++) quota[byRemainder[r]]++;
        return quota;
    }

    private static int[] complement(int[] sortedPicked, int n) {
        int[] rest = new int[n - sortedPicked.length];
        int at = 0, p = 0;
        for (int i = 0; i < n; i++) {
            if (p < sortedPicked.length && sortedPicked[p] == i) p++;
            else rest[at++] = i;
        }
        return rest;
    }
}
