package ibinit.init.ibci;

import ibinit.backend.Backend;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The election of one layer's neurons from a scored pool (the authors' class-grouped form of
 * Algorithm 1). Live candidates are grouped by the class they prefer; each class gets a near-equal
 * quota, filled by greedy selection with Gram-Schmidt null-space projection inside its group
 * ({@link Backend#greedySelect}). Hidden layers list class 0's neurons first, then class 1's, ...;
 * the output layer gets exactly one neuron per class, in class order, so output unit c starts out
 * preferring class c.
 *
 * <p>Shortfalls are filled and logged, never left empty: in a hidden layer, a quota that its group
 * cannot fill (too few candidates prefer the class, or every residual reached zero because the
 * quota exceeds d_in) goes to the next best unchosen candidates by score, live before dead; in the
 * output layer, a class no candidate prefers gets the unchosen candidate that comes closest to
 * preferring it (largest margin of its class-c mean over its best other class mean).
 */
public final class NeuronCampaign {
    private static final System.Logger LOG = System.getLogger(NeuronCampaign.class.getName());

    private NeuronCampaign() { }

    /**
     * @param candidates     [K, d_in] on the backend
     * @param hostCandidates the same values in host memory
     * @param layer          for log lines, e.g. {@code layers.0}
     * @return candidate indices, one per neuron of the layer, in neuron order
     */
    public static int[] elect(Backend b, Tensor candidates, float[] hostCandidates, CandidateScores scores, CandidateMoments moments,
                              int nOut, boolean outputLayer, String layer) {
        int k = candidates.rows(), d = candidates.cols(), classes = moments.classes();
        if (k < nOut) throw new IllegalArgumentException("ibci: " + layer + " needs " + nOut + " neurons from a pool of only " + k);
        if (outputLayer && nOut != classes) {
            throw new IllegalArgumentException("ibci: the output layer " + layer + " has " + nOut + " units for " + classes
                    + " classes; the campaign elects one per class");
        }
        int[] quotas = outputLayer ? ones(classes) : ClassQuotas.of(nOut, classes);
        boolean[] taken = new boolean[k];
        List<Integer> elected = new ArrayList<>(nOut);
        for (int c = 0; c < classes; c++) {
            int[] group = group(scores, c, taken);
            int[] picks = group.length == 0 || quotas[c] == 0 ? new int[0] : select(b, hostCandidates, d, scores, group, quotas[c]);
            for (int p : picks) {
                taken[p] = true;
                elected.add(p);
            }
            if (outputLayer && picks.length == 0) {
                int j = closestToPreferring(moments, scores, taken, c);
                taken[j] = true;
                elected.add(j);
                LOG.log(System.Logger.Level.INFO, "ibci " + layer + ": no live candidate prefers class " + c + "; output unit " + c
                        + " takes candidate " + j + ", the closest to preferring it");
            } else if (picks.length < quotas[c]) {
                LOG.log(System.Logger.Level.INFO, "ibci " + layer + ": class " + c + " has a quota of " + quotas[c] + " but only " + picks.length
                        + " of its " + group.length + " live candidates could be elected ("
                        + (group.length < quotas[c] ? "too few prefer it" : "the rest lie in the span of those elected, d_in = " + d)
                        + "); the rest go to the next best candidates by score");
            }
        }
        if (elected.size() < nOut) {
            int[] fill = nextBestByScore(scores, taken, nOut - elected.size());
            long dead = Arrays.stream(fill).filter(j -> !scores.live()[j]).count();
            LOG.log(System.Logger.Level.INFO, "ibci " + layer + ": " + fill.length + " neurons filled by score outside the class quotas"
                    + (dead > 0 ? " (" + dead + " of them dead: too few live candidates)" : ""));
            for (int j : fill) elected.add(j);
        }
        return elected.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] ones(int n) {
        int[] q = new int[n];
        Arrays.fill(q, 1);
        return q;
    }

    /** Live, untaken candidates preferring class c, in index order. */
    private static int[] group(CandidateScores s, int c, boolean[] taken) {
        List<Integer> g = new ArrayList<>();
        for (int j = 0; j < s.score().length; j++) {
            if (s.live()[j] && !taken[j] && s.preferredClass()[j] == c) g.add(j);
        }
        return g.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Greedy selection inside one group; returns pool indices. */
    private static int[] select(Backend b, float[] host, int d, CandidateScores s, int[] group, int quota) {
        float[] rows = new float[group.length * d];
        double[] sub = new double[group.length];
        for (int i = 0; i < group.length; i++) {
            System.arraycopy(host, group[i] * d, rows, i * d, d);
            sub[i] = s.score()[group[i]];
        }
        try (Tensor t = b.fromArray(rows, group.length, d)) {
            int[] local = b.greedySelect(t, sub, quota);
            int[] out = new int[local.length];
            for (int i = 0; i < local.length; i++) out[i] = group[local[i]];
            return out;
        }
    }

    /** The n untaken candidates of highest score, live ones first; ties to the lowest index. */
    static int[] nextBestByScore(CandidateScores s, boolean[] taken, int n) {
        List<Integer> open = new ArrayList<>();
        for (int j = 0; j < taken.length; j++) if (!taken[j]) open.add(j);
        open.sort((x, y) -> {
            if (s.live()[x] != s.live()[y]) return s.live()[x] ? -1 : 1;
            int byScore = Double.compare(s.score()[y], s.score()[x]);
            return byScore != 0 ? byScore : Integer.compare(x, y);
        });
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = open.get(i);
            taken[out[i]] = true;
        }
        return out;
    }

    /** The untaken candidate (live first) maximizing mean_c - max over other classes of mean_c'. */
    private static int closestToPreferring(CandidateMoments m, CandidateScores s, boolean[] taken, int c) {
        int best = -1;
        double bestMargin = 0;
        for (int j = 0; j < taken.length; j++) {
            if (taken[j]) continue;
            double other = Double.NEGATIVE_INFINITY;
            for (int o = 0; o < m.classes(); o++) if (o != c && m.counts()[o] > 0) other = Math.max(other, m.mean(j, o));
            double margin = m.mean(j, c) - (other == Double.NEGATIVE_INFINITY ? 0 : other);
            boolean better = best < 0 || (s.live()[j] && !s.live()[best]) || (s.live()[j] == s.live()[best] && margin > bestMargin);
            if (better) {
                best = j;
                bestMargin = margin;
            }
        }
        return best;
    }
}
