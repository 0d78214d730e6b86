package ibinit.info;

import ibinit.tensor.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Discrete variables as symbol ids: rows that are equal (bit for bit) get the same id, numbered
 * 0, 1, ... in order of first appearance; and the plug-in entropies of such ids, in nats.
 */
final class Symbols {
    private Symbols() { }

    /** One id per row of a tensor read as rows x cols (float rows compared by their bits; int32 labels as they are). */
    static int[] ofRows(Tensor t) {
        int rows = t.rows(), cols = t.cols();
        int[] bits;
        if (t.dtype() == Tensor.DType.I32) {
            bits = t.backend().toIntArray(t);
        } else {
            float[] v = t.backend().toFloatArray(t);
            bits = new int[v.length];
            for (int i = 0; i < v.length; i++) bits[i] = Float.floatToIntBits(v[i] == 0f ? 0f : v[i]); // -0 == 0
        }
        return ofRows(bits, rows, cols);
    }

    /** One id per row of an int matrix [rows, cols]. */
    static int[] ofRows(int[] values, int rows, int cols) {
        Map<Key, Integer> ids = new HashMap<>();
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            Key k = new Key(Arrays.copyOfRange(values, r * cols, (r + 1) * cols));
            out[r] = ids.computeIfAbsent(k, key -> ids.size());
        }
        return out;
    }

    /** Number of distinct ids (ids are 0 .. count-1). */
    static int count(int[] ids) {
        int max = -1;
        for (int id : ids) max = Math.max(max, id);
        return max + 1;
    }

    /** H = log n - (1/n) sum_s c_s log c_s over the ids at positions {@code rows} (all when null). */
    static double entropy(int[] ids, int[] rows) {
        Map<Integer, Integer> counts = new HashMap<>();
        int n = rows == null ? ids.length : rows.length;
        for (int i = 0; i < n; i++) counts.merge(ids[rows == null ? i : rows[i]], 1, Integer::sum);
        double s = 0;
        for (int c : counts.values()) s += c * Math.log(c);
        return Math.log(n) - s / n;
    }

    /** The positions of each id: groups[id] lists the rows carrying it. */
    static int[][] groups(int[] ids) {
        int[] size = new int[count(ids)];
        for (int id : ids) size[id]++;
        int[][] g = new int[size.length][];
        for (int s = 0; s < size.length; s++) g[s] = new int[size[s]];
        int[] fill = new int[size.length];
        for (int r = 0; r < ids.length; r++) g[ids[r]][fill[ids[r]]++] = r;
        return g;
    }

    /** I(D; S) = H(S) - sum_d p(d) H(S | d), the plug-in estimate in nats for two id sequences of equal length. */
    static double mutualInformation(int[] discrete, int[] symbols) {
        if (discrete.length != symbols.length) throw new IllegalArgumentException("id sequences differ in length");
        double conditional = 0;
        for (int[] group : groups(discrete)) conditional += (double) group.length / symbols.length * entropy(symbols, group);
        return entropy(symbols, null) - conditional;
    }

    private record Key(int[] v, int hash) {
        Key(int[] v) { this(v, Arrays.hashCode(v)); }
        @Override public boolean equals(Object o) { return o instanceof Key k && hash == k.hash && Arrays.equals(v, k.v); }
        @Override public int hashCode() { return hash; }
    }
}
