package ibinit.info;

/** The MINE lower bounds as plain functions of the critic's outputs, in double (nats). */
public final class MineBounds {
    private MineBounds() { }

    /** log((1/n) sum exp v_i), shifted by the maximum so that large critic values cannot overflow. */
    public static double logMeanExp(float[] v) {
        if (v.length == 0) throw new IllegalArgumentException("log-mean-exp of no values");
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) max = Math.max(max, x);
        if (Double.isInfinite(max)) return max;
        double sum = 0;
        for (float x : v) sum += Math.exp(x - max);
        return max + Math.log(sum) - Math.log(v.length);
    }

    public static double mean(float[] v) {
        if (v.length == 0) throw new IllegalArgumentException("mean of no values");
        double s = 0;
        for (float x : v) s += x;
        return s / v.length;
    }

    /** Donsker-Varadhan: mean T_joint - log mean exp T_marg. */
    public static double donskerVaradhan(float[] tJoint, float[] tMarg) {
        return mean(tJoint) - logMeanExp(tMarg);
    }

    /** MINE-f (the f-divergence bound): mean T_joint - mean exp(T_marg - 1). */
    public static double mineF(float[] tJoint, float[] tMarg) {
        double s = 0;
        for (float x : tMarg) s += Math.exp(x - 1.0);
        return mean(tJoint) - s / tMarg.length;
    }

    /** log(exp a + exp b) without overflow. */
    static double logAddExp(double a, double b) {
        double m = Math.max(a, b);
        if (m == Double.NEGATIVE_INFINITY) return m;
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    }
}
