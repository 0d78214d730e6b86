package ibinit.sparse.ib;

import ibinit.backend.Backend;
import ibinit.backend.ref.SparseFilteringMath;
import ibinit.info.BinningEstimator;
import ibinit.info.KdeEstimator;
import ibinit.sparse.SparseFiltering;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the seed slides' experiment: sparse filtering (8 features by default) on 900
 * training samples of a random 4-D Gaussian, and at every L-BFGS iteration, on the 100 test
 * samples, T = the normalized features fhat (as the authors' feedForward) and
 * <ul>
 *   <li>binned I(X;T) as theirs (30 edges on [0, 1], np.digitize), in nats;</li>
 *   <li>binned H(T) as theirs (bins of width 1/30 from 0), in nats;</li>
 *   <li>I(X;T) with the same width-1/30 binning as H(T), which equals H(T) exactly (X distinct, T
 *       a function of X): the degeneracy, kept as a check;</li>
 *   <li>I(X; T + eps), eps ~ N(0, sigma^2 I): the KDE upper bound (Kolchinsky and Tracey), in nats;</li>
 *   <li>sparsity: the mean over test samples of ||fhat_i||_1 (sparse filtering's objective per
 *       sample; 1 = one active feature, sqrt(features) = all equal);</li>
 *   <li>||dW|| (the training gradient) and ||W_t - W_{t-1}||.</li>
 * </ul>
 * Like the authors' code the data are not centred per sample (the paper's preprocessing is for
 * images); unlike it, points are recorded per L-BFGS iteration, not per objective evaluation.
 */
public final class IbReading {
    /** The per-iteration measurements of one run (index = iteration, 0 = the starting point). */
    public record Trace(long seed, List<double[]> rows, String stop) {
        /** Column order of each row. */
        public static final String[] COLUMNS = {"iteration", "ixt_binned", "h_binned", "ixt_same_bins", "ixt_kde",
            "sparsity", "grad_norm", "step_norm", "train_objective"};

        public double[] column(int c) {
            double[] out = new double[rows.size()];
            for (int i = 0; i < out.length; i++) out[i] = rows.get(i)[c];
            return out;
        }
    }

    private final Backend backend;
    private final int features, iterations, train, test;
    private final double noiseVariance;

    public IbReading(Backend backend, int features, int iterations, int train, int test, double noiseVariance) {
        this.backend = backend;
        this.features = features;
        this.iterations = iterations;
        this.train = train;
        this.test = test;
        this.noiseVariance = noiseVariance;
    }

    public Trace run(long seed) {
        GaussianData data = GaussianData.draw(backend, seed, 4, train + test);
        int d = data.dims();
        float[] xTrain = data.rows(0, train), xTest = data.rows(train, test);
        List<double[]> rows = new ArrayList<>();
        BinningEstimator theirMi = BinningEstimator.withEdges(30, 0, 1);
        BinningEstimator theirH = BinningEstimator.withWidth(1.0 / 30, 0, 1);
        try (Tensor x = backend.fromArray(xTest, test, d); Tensor t = backend.zeros(test, features);
             KdeEstimator kde = new KdeEstimator(backend, KdeEstimator.Bound.UPPER, noiseVariance)) {
            SparseFiltering sf = SparseFiltering.builder().features(features).iterations(iterations).seed(seed)
                    .centerExamples(false).listener((step, w) -> {
                        float[] fhat = testFeatures(w, xTest, d);
                        backend.copyFromArray(fhat, t);
                        double sparsity = 0;
                        for (float v : fhat) sparsity += v;
                        rows.add(new double[] {step.iteration(), theirMi.estimate(x, t).value(), theirH.entropy(fhat, test, features),
                            theirH.estimate(x, t).value(), kde.estimate(x, t).value(), sparsity / test, step.gradientNorm(),
                            step.stepNorm(), step.objective()});
                    }).build();
            SparseFiltering.Result r = sf.fit(backend, xTrain, train, d);
            return new Trace(seed, List.copyOf(rows), r.stop().name());
        }
    }

    /** fhat of the test samples for W (row-major [features, d]). */
    private float[] testFeatures(double[] w, float[] x, int d) {
        double[] f = new double[test * features];
        for (int i = 0; i < test; i++) {
            for (int j = 0; j < features; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += x[i * d + k] * w[j * d + k];
                f[i * features + j] = s;
            }
        }
        double[] fhat = SparseFilteringMath.normalizedFeatures(f, test, features);
        float[] out = new float[fhat.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) fhat[i];
        return out;
    }
}
