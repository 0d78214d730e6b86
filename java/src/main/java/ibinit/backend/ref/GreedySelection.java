package ibinit.backend.ref;

import ibinit.backend.Backend;

/**
 * The plain-Java oracle of {@link Backend#greedySelect}: greedy selection with Gram-Schmidt
 * null-space projection (IBCI's Algorithm 1) by residual-norm downdating, in double.
 *
 * <p>The residuals P = W - A A^T W are never formed. For a new orthonormal basis vector a,
 * a^T p_j = a^T w_j (a is orthogonal to the earlier basis), so ||p_j||^2 drops by (a^T w_j)^2:
 * one product of a with every candidate per step. The downdate cancels as a residual shrinks,
 * so, as LAPACK's pivoted QR (xLAQP2), a norm is recomputed from scratch when the downdated value
 * falls below {@link #RECOMPUTE_TOL} times the value last computed exactly. A candidate whose
 * exact residual is below {@link #EXHAUSTED} of its own norm lies in the span of the chosen ones
 * and is never picked. Ties go to the lowest index. The native kernels follow these rules line
 * for line (native/cpu/ibci.c, native/cuda/ibci.cu).
 */
public final class GreedySelection {
    /** Relative residual norm ||p_j|| / ||w_j|| below which a candidate counts as spanned (IBINIT_GREEDY_EXHAUSTED). */
    public static final double EXHAUSTED = 1e-6;
    /** sqrt(2^-52): downdated ||p||^2 below this fraction of the last exact value is recomputed (IBINIT_GREEDY_RECOMPUTE_TOL). */
    public static final double RECOMPUTE_TOL = 1.4901161193847656e-8;

    private GreedySelection() { }

    /**
     * @param w      candidates, row-major [k, d] (candidate j is row j)
     * @param scores one finite score per candidate
     * @return chosen rows in pick order, at most {@code count}
     */
    public static int[] select(float[] w, int k, int d, double[] scores, int count) {
        double[] orig2 = new double[k], res2 = new double[k], exact2 = new double[k];
        boolean[] open = new boolean[k];
        for (int j = 0; j < k; j++) {
            orig2[j] = dot(w, j * d, w, j * d, d);
            res2[j] = exact2[j] = orig2[j];
            open[j] = orig2[j] > 0;
        }
        double[][] basis = new double[Math.min(count, d)][];
        int[] chosen = new int[count];
        int found = 0;
        while (found < count && found < d) {
            int best = -1;
            double bestValue = 0;
            for (int j = 0; j < k; j++) {
                if (!open[j]) continue;
                double v = scores[j] * Math.sqrt(res2[j] / orig2[j]);
                if (best < 0 || v > bestValue) {
                    best = j;
                    bestValue = v;
                }
            }
            if (best < 0) break;
            open[best] = false;
            double[] a = residual(w, best * d, d, basis, found);
            double norm2 = dot(a, a);
            if (norm2 <= EXHAUSTED * EXHAUSTED * orig2[best]) continue; // spanned after all: skip, do not pick
            double inv = 1 / Math.sqrt(norm2);
            for (int e = 0; e < d; e++) a[e] *= inv;
            basis[found] = a;
            chosen[found++] = best;
            for (int j = 0; j < k; j++) {
                if (!open[j]) continue;
                double p = 0;
                for (int e = 0; e < d; e++) p += a[e] * w[j * d + e];
                double down = res2[j] - p * p;
                if (down <= RECOMPUTE_TOL * exact2[j]) {
                    double[] r = residual(w, j * d, d, basis, found);
                    down = dot(r, r);
                    exact2[j] = down;
                    if (down <= EXHAUSTED * EXHAUSTED * orig2[j]) open[j] = false;
                }
                res2[j] = down;
            }
        }
        return java.util.Arrays.copyOf(chosen, found);
    }

    /** w_j minus its projection on the first {@code n} basis vectors, two classical Gram-Schmidt passes ("twice is enough"). */
    private static double[] residual(float[] w, int offset, int d, double[][] basis, int n) {
        double[] v = new double[d];
        for (int e = 0; e < d; e++) v[e] = w[offset + e];
        for (int pass = 0; pass < 2; pass++) {
            double[] c = new double[n];
            for (int s = 0; s < n; s++) c[s] = dot(basis[s], v);
            for (int s = 0; s < n; s++) {
                for (int e = 0; e < d; e++) v[e] -= c[s] * basis[s][e];
            }
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int e = 0; e < a.length; e++) s += a[e] * b[e];
        return s;
    }

    private static double dot(float[] a, int ao, float[] b, int bo, int n) {
        double s = 0;
        for (int e = 0; e < n; e++) s += (double) a[ao + e] * b[bo + e];
        return s;
    }
}
