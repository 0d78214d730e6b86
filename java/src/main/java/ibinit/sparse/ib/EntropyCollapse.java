package ibinit.sparse.ib;

import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The explicit-entropy experiment of the seed slides (the authors' v2 code): replace sparse
 * filtering's sparsity proxy by an explicit estimate of H(T) and minimize it. A map R^2 -> R^2,
 * T = sigmoid(X W^T + b) (features squashed to [0, 1]), trained by minimizing the KDE entropy
 * <pre>
 *   p_k = (1/M) sum_i exp(-||g_k - t_i||^2 / (2 h^2)),   q_k = p_k / sum_l p_l,   H = -sum_k q_k log q_k
 * </pre>
 * over a grid g_k of [0, 1]^2 with spacing and bandwidth h = 1/32 (33 x 33 points), with Adam (lr
 * 0.01), one full-batch step per epoch. Inputs: a random 2-D Gaussian ({@link GaussianData}),
 * standardized per dimension so the sigmoid starts unsaturated. The gradient is analytic
 * ({@link #entropy}).
 */
public final class EntropyCollapse {
    /** T and H at one epoch. */
    public record Snapshot(int epoch, double entropy, float[] t) { }

    /** H per epoch (index = epoch, 0 = start) and T at the requested epochs. */
    public record Outcome(double[] entropy, double[] occupiedCells, List<Snapshot> snapshots) { }

    static final int GRID = 33;
    static final double BANDWIDTH = 1.0 / 32;

    private final Backend backend;
    private final int samples, epochs;
    private final float lr;

    public EntropyCollapse(Backend backend, int samples, int epochs, float lr) {
        this.backend = backend;
        this.samples = samples;
        this.epochs = epochs;
        this.lr = lr;
    }

    public Outcome run(long seed, int[] snapshotEpochs) {
        float[] x = standardized(GaussianData.draw(backend, seed, 2, samples).samples(), samples);
        double[] entropy = new double[epochs + 1], occupied = new double[epochs + 1];
        List<Snapshot> snaps = new ArrayList<>();
        // parameters [w00, w01, w10, w11, b0, b1]; W ~ N(0, 1), b = 0
        try (Tensor p = backend.zeros(6); Tensor g = backend.zeros(6); Tensor m = backend.zeros(6); Tensor v = backend.zeros(6);
             Tensor w = p.slice(0, 4)) {
            backend.fillNormal(w, RandomStream.of(seed, 5), 0f, 1f);
            for (int e = 0; e <= epochs; e++) {
                float[] params = backend.toFloatArray(p);
                double[] theta = new double[6], grad = new double[6];
                for (int i = 0; i < 6; i++) theta[i] = params[i];
                float[] t = features(theta, x, samples);
                entropy[e] = entropy(theta, x, samples, grad);
                occupied[e] = occupiedCells(t, 30);
                for (int s : snapshotEpochs) if (s == e) snaps.add(new Snapshot(e, entropy[e], t));
                if (e == epochs) break;
                float[] gf = new float[6];
                for (int i = 0; i < 6; i++) gf[i] = (float) grad[i];
                backend.copyFromArray(gf, g);
                backend.adam(p, g, m, v, lr, 0.9f, 0.999f, 1e-8f, 0f, e + 1);
            }
        }
        return new Outcome(entropy, occupied, List.copyOf(snaps));
    }

    /** Each column to mean 0 and variance 1. */
    static float[] standardized(float[] x, int n) {
        float[] out = x.clone();
        for (int c = 0; c < 2; c++) {
            double m = 0, q = 0;
            for (int i = 0; i < n; i++) m += x[i * 2 + c];
            m /= n;
            for (int i = 0; i < n; i++) q += (x[i * 2 + c] - m) * (x[i * 2 + c] - m);
            double sd = Math.sqrt(q / n);
            for (int i = 0; i < n; i++) out[i * 2 + c] = (float) ((x[i * 2 + c] - m) / sd);
        }
        return out;
    }

    /** T = sigmoid(X W^T + b) for theta = [W row-major, b]. */
    static float[] features(double[] theta, float[] x, int n) {
        float[] t = new float[n * 2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 2; j++) {
                double z = theta[j * 2] * x[i * 2] + theta[j * 2 + 1] * x[i * 2 + 1] + theta[4 + j];
                t[i * 2 + j] = (float) (1 / (1 + Math.exp(-z)));
            }
        }
        return t;
    }

    /** The KDE entropy of T (nats) and its gradient in theta, in double. */
    static double entropy(double[] theta, float[] x, int n, double[] grad) {
        double[] t = new double[n * 2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 2; j++) {
                double z = theta[j * 2] * x[i * 2] + theta[j * 2 + 1] * x[i * 2 + 1] + theta[4 + j];
                t[i * 2 + j] = 1 / (1 + Math.exp(-z));
            }
        }
        int k = GRID * GRID;
        double inv2h2 = 1 / (2 * BANDWIDTH * BANDWIDTH);
        double[] p = new double[k];
        for (int a = 0; a < GRID; a++) {
            for (int b = 0; b < GRID; b++) {
                double gx = a * BANDWIDTH, gy = b * BANDWIDTH, s = 0;
                for (int i = 0; i < n; i++) {
                    double dx = gx - t[i * 2], dy = gy - t[i * 2 + 1];
                    s += Math.exp(-(dx * dx + dy * dy) * inv2h2);
                }
                p[a * GRID + b] = s / n;
            }
        }
        double z = 0;
        for (double e : p) z += e;
        double h = 0, mean = 0;
        double[] dq = new double[k];
        for (int c = 0; c < k; c++) {
            double q = p[c] / z;
            if (q > 0) h -= q * Math.log(q);
            dq[c] = q > 0 ? -(Math.log(q) + 1) : 0; // dH/dq
            mean += q * dq[c];
        }
        if (grad == null) return h;
        java.util.Arrays.fill(grad, 0);
        for (int i = 0; i < n; i++) {
            double dtx = 0, dty = 0; // dH/dt_i
            for (int a = 0; a < GRID; a++) {
                for (int b = 0; b < GRID; b++) {
                    int c = a * GRID + b;
                    double dx = a * BANDWIDTH - t[i * 2], dy = b * BANDWIDTH - t[i * 2 + 1];
                    double kern = Math.exp(-(dx * dx + dy * dy) * inv2h2);
                    double dp = (dq[c] - mean) / z; // dH/dp_c
                    double common = dp * kern / n * 2 * inv2h2; // dp_c/dt_i = (1/n) K (g - t) / h^2
                    dtx += common * dx;
                    dty += common * dy;
                }
            }
            double[] dt = {dtx, dty};
            for (int j = 0; j < 2; j++) {
                double tv = t[i * 2 + j];
                double dz = dt[j] * tv * (1 - tv);
                grad[j * 2] += dz * x[i * 2];
                grad[j * 2 + 1] += dz * x[i * 2 + 1];
                grad[4 + j] += dz;
            }
        }
        return h;
    }

    /** Distinct cells of a bins x bins grid on [0, 1]^2 that T occupies. */
    static int occupiedCells(float[] t, int bins) {
        java.util.Set<Integer> cells = new java.util.HashSet<>();
        for (int i = 0; i < t.length / 2; i++) {
            int a = Math.min(bins - 1, (int) (t[i * 2] * bins)), b = Math.min(bins - 1, (int) (t[i * 2 + 1] * bins));
            cells.add(a * bins + b);
        }
        return cells.size();
    }
}
