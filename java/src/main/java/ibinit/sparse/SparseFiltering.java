package ibinit.sparse;

import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Sparse filtering (Ngiam, Koh, Chen, Bhaskar and Ng, "Sparse filtering", NIPS 2011): learns N
 * features W [N, D] from examples x_1..x_M (each with its own mean removed) by minimizing
 * <pre>
 *   F = W X,   Fs = sqrt(F^2 + 1e-8)
 *   Ft   = Fs with each row (a feature over the examples) divided by its L2 norm
 *   Fhat = Ft with each column (an example over the features) divided by its L2 norm
 *   objective = sum_ij Fhat_ij          (an L1 norm: Fhat >= 0)
 * </pre>
 * with L-BFGS (memory 20, up to 200 iterations, strong Wolfe line search) from W ~ N(0, 1), as
 * the authors' code does. Every norm is sqrt(sum of squares + 1e-8). The objective does not
 * change when a row of W is scaled, so the learned rows have no meaningful norm.
 *
 * <pre>{@code
 * SparseFiltering.Result r = SparseFiltering.builder().features(256).seed(1).build()
 *         .fit(backend, pixels, examples, 784);
 * float[] w = r.weights();   // [256, 784], row-major
 * }</pre>
 */
public final class SparseFiltering {
    /** The state after an iteration (0 = the starting point): objective, ||dW|| (the gradient), ||W_t - W_{t-1}||. */
    public record Step(int iteration, double objective, double gradientNorm, double stepNorm, int evaluations,
                       double seconds) { }

    /** Called with every step and the current W (row-major [features, dims]; the optimizer's array: do not keep it). */
    public interface Listener {
        void step(Step step, double[] weights);
    }

    /** The learned W (row-major [features, dims]), the history from step 0 and why L-BFGS stopped. */
    public record Result(float[] weights, int features, int dims, List<Step> history, Lbfgs.Stop stop, double seconds) {
        public double objective() { return history.getLast().objective(); }
    }

    private final int features, iterations, memory;
    private final RandomStream random;
    private final boolean centerExamples;
    private final Listener listener;

    private SparseFiltering(Builder b) {
        this.features = b.features;
        this.iterations = b.iterations;
        this.memory = b.memory;
        this.random = b.random;
        this.centerExamples = b.centerExamples;
        this.listener = b.listener;
    }

    public static Builder builder() { return new Builder(); }

    /** Options, with the reference code's defaults. */
    public static final class Builder {
        private int features = -1, iterations = 200, memory = 20;
        private RandomStream random = RandomStream.of(0, 0);
        private boolean centerExamples = true;
        private Listener listener;

        /** Number of features N (required). */
        public Builder features(int n) { this.features = n; return this; }
        /** L-BFGS iterations at most (default 200). */
        public Builder iterations(int n) { this.iterations = n; return this; }
        /** L-BFGS correction pairs (default 20). */
        public Builder memory(int m) { this.memory = m; return this; }
        /** Seed of the starting W ~ N(0, 1) (sub-stream 0; default seed 0). */
        public Builder seed(long seed) { this.random = RandomStream.of(seed, 0); return this; }
        /** The random stream of the starting W (instead of {@link #seed}). */
        public Builder random(RandomStream rs) { this.random = rs; return this; }
        /** Remove each example's mean first (default true, as the paper). */
        public Builder centerExamples(boolean on) { this.centerExamples = on; return this; }
        /** Progress and per-iteration measurements. */
        public Builder listener(Listener l) { this.listener = l; return this; }

        public SparseFiltering build() {
            if (features < 1) throw new IllegalArgumentException("sparse filtering needs features >= 1, got " + features);
            if (iterations < 0) throw new IllegalArgumentException("sparse filtering iterations must be >= 0, got " + iterations);
            if (memory < 1) throw new IllegalArgumentException("L-BFGS memory must be >= 1, got " + memory);
            return new SparseFiltering(this);
        }
    }

    /** Learns W from {@code data} (row-major [examples, dims]; not modified). */
    public Result fit(Backend backend, float[] data, int examples, int dims) {
        if (examples < 1 || dims < 1 || (long) examples * dims != data.length) {
            throw new IllegalArgumentException("sparse filtering data: " + data.length + " values for " + examples + " x " + dims);
        }
        float[] x = centerExamples ? centered(data, examples, dims) : data;
        long t0 = System.nanoTime();
        try (Tensor xt = backend.fromArray(x, examples, dims);
             SparseFilteringObjective objective = new SparseFilteringObjective(backend, xt, features)) {
            double[] w0 = startingPoint(backend, dims);
            List<Step> history = new ArrayList<>();
            double[] g = new double[w0.length];
            double f0 = objective.valueAndGradient(w0, g);
            record(history, new Step(0, f0, norm(g), 0, 1, (System.nanoTime() - t0) / 1e9), w0);
            Lbfgs.Result r = new Lbfgs(memory, iterations).minimize(objective, w0, it -> {
                record(history, new Step(it.number(), it.value(), norm(it.gradient()), norm(it.step()), it.evaluations() + 1,
                        (System.nanoTime() - t0) / 1e9), it.x());
                return true;
            });
            float[] w = new float[r.x().length];
            for (int i = 0; i < w.length; i++) w[i] = (float) r.x()[i];
            return new Result(w, features, dims, List.copyOf(history), r.stop(), (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Learns W from a tensor [examples, dims] (copied to the host and back, centred there). */
    public Result fit(Tensor data) {
        if (data.rank() != 2) throw new IllegalArgumentException("sparse filtering needs data [examples, dims], got " + data.describe());
        return fit(data.backend(), data.backend().toFloatArray(data), data.dim(0), data.dim(1));
    }

    private void record(List<Step> history, Step step, double[] w) {
        history.add(step);
        if (listener != null) listener.step(step, w);
    }

    private double[] startingPoint(Backend backend, int dims) {
        try (Tensor w = backend.zeros(features, dims)) {
            backend.fillNormal(w, random, 0f, 1f);
            float[] v = backend.toFloatArray(w);
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) out[i] = v[i];
            return out;
        }
    }

    /** Each row minus its own mean (accumulated in double). */
    static float[] centered(float[] data, int rows, int cols) {
        float[] out = new float[data.length];
        for (int r = 0; r < rows; r++) {
            double mean = 0;
            for (int c = 0; c < cols; c++) mean += data[r * cols + c];
            mean /= cols;
            for (int c = 0; c < cols; c++) out[r * cols + c] = (float) (data[r * cols + c] - mean);
        }
        return out;
    }

    static double norm(double[] v) { return Math.sqrt(Lbfgs.dot(v, v)); }
}
