package ibinit.init.ibci;

/**
 * Each candidate's score s_j = a target_j + (1 - a) input_j, the class it prefers (argmax_c of its
 * class mean, lowest class on ties) and whether it is live. Terms follow {@link Scoring}; each is
 * divided by its L2 norm over the pool (a term that is zero for every candidate stays zero).
 * Classes without samples take no part.
 *
 * <p>A candidate is dead when its output is constant over the sample (all zeros included: its
 * std is below 1e-6 of its root mean square). A dead candidate carries no information, yet its
 * zero score would beat live candidates whose target term is negative, so the campaign never
 * elects one ahead of a live one.
 */
public record CandidateScores(double[] score, int[] preferredClass, boolean[] live) {

    /** Relative std below which an output counts as constant. */
    static final double DEAD_RELATIVE_STD = 1e-6;

    public static CandidateScores compute(CandidateMoments m, Scoring scoring, double a) {
        int k = m.candidates(), classes = m.classes();
        int present = 0;
        for (long n : m.counts()) if (n > 0) present++;
        double[] target = new double[k], input = new double[k];
        int[] preferred = new int[k];
        boolean[] live = new boolean[k];
        double[] inter = new double[k], intra = new double[k];
        for (int j = 0; j < k; j++) {
            double var = m.totalVariance(j);
            live[j] = var > DEAD_RELATIVE_STD * DEAD_RELATIVE_STD * m.totalMeanSquare(j);
            int best = -1;
            double meanOfMeans = 0, meanOfStds = 0, between = 0, within = 0, mu = m.totalMean(j);
            for (int c = 0; c < classes; c++) {
                if (m.counts()[c] == 0) continue;
                double mc = m.mean(j, c);
                if (best < 0 || mc > m.mean(j, best)) best = c;
                meanOfMeans += mc;
                meanOfStds += Math.sqrt(m.variance(j, c));
                double weight = (double) m.counts()[c] / m.total();
                between += weight * (mc - mu) * (mc - mu);
                within += weight * m.variance(j, c);
            }
            preferred[j] = best;
            meanOfMeans /= present;
            double spread = 0;
            for (int c = 0; c < classes; c++) {
                if (m.counts()[c] == 0) continue;
                double dm = m.mean(j, c) - meanOfMeans;
                spread += dm * dm;
            }
            inter[j] = Math.sqrt(spread / present);
            intra[j] = meanOfStds / present;
            switch (scoring) {
                case AUTHORS -> input[j] = Math.sqrt(var);
                case PAPER -> {
                    input[j] = var;
                    target[j] = between - within;
                }
            }
        }
        if (scoring == Scoring.AUTHORS) {
            normalize(inter);
            normalize(intra);
            for (int j = 0; j < k; j++) target[j] = inter[j] - intra[j];
        }
        normalize(target);
        normalize(input);
        double[] score = new double[k];
        for (int j = 0; j < k; j++) score[j] = a * target[j] + (1 - a) * input[j];
        return new CandidateScores(score, preferred, live);
    }

    /** x / ||x||_2 in place; all zeros stay zeros. */
    static void normalize(double[] x) {
        double s = 0;
        for (double v : x) s += v * v;
        if (s == 0) return;
        double inv = 1 / Math.sqrt(s);
        for (int i = 0; i < x.length; i++) x[i] *= inv;
    }
}
