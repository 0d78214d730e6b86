package ibinit.sparse;

import ibinit.backend.Backend;
import ibinit.tensor.Tensor;

/**
 * Sparse filtering's objective and gradient for a feature matrix W [features, dims] on data X
 * [examples, dims] held on a backend: F = X W^T (one GEMM), the element-wise normalizations and
 * their gradient ({@link Backend#sparseFilteringGradient}), then dW = delta^T X (one GEMM).
 * Buffers are allocated once; close it to free them. Not thread-safe.
 */
public final class SparseFilteringObjective implements Lbfgs.Objective, AutoCloseable {
    private final Backend backend;
    private final Tensor x;
    private final int features, dims;
    private final Tensor w, f, delta, dw;
    private final float[] wHost;

    /** @param x the data [examples, dims] on {@code backend}; read, not owned */
    public SparseFilteringObjective(Backend backend, Tensor x, int features) {
        if (x.rank() != 2) throw new IllegalArgumentException("sparse filtering needs data [examples, dims], got " + x.describe());
        if (features < 1) throw new IllegalArgumentException("sparse filtering needs at least 1 feature, got " + features);
        this.backend = backend;
        this.x = x;
        this.features = features;
        this.dims = x.dim(1);
        this.w = backend.zeros(features, dims);
        this.f = backend.zeros(x.dim(0), features);
        this.delta = backend.zeros(x.dim(0), features);
        this.dw = backend.zeros(features, dims);
        this.wHost = new float[features * dims];
    }

    public int features() { return features; }
    public int dims() { return dims; }

    /** The objective for W (row-major [features, dims], float32), its gradient into {@code gradient}. */
    public double evaluate(float[] weights, float[] gradient) {
        backend.copyFromArray(weights, w);
        double objective = evaluateLoaded();
        float[] g = backend.toFloatArray(dw);
        System.arraycopy(g, 0, gradient, 0, g.length);
        return objective;
    }

    /** The objective and gradient for the W already in the backend tensor (the benchmarked step: no host copies). */
    public double evaluateLoaded() {
        backend.gemm(false, true, 1f, x, w, 0f, f);
        double objective = backend.sparseFilteringGradient(f, delta);
        backend.gemm(true, false, 1f, delta, x, 0f, dw);
        return objective;
    }

    /** For L-BFGS, which works in double: the point is rounded to float32 as the backend computes in it. */
    @Override
    public double valueAndGradient(double[] point, double[] gradient) {
        for (int i = 0; i < wHost.length; i++) wHost[i] = (float) point[i];
        backend.copyFromArray(wHost, w);
        double objective = evaluateLoaded();
        float[] g = backend.toFloatArray(dw);
        for (int i = 0; i < g.length; i++) gradient[i] = g[i];
        return objective;
    }

    /** The backend tensor W is read from (for benchmarks that load it once). */
    public Tensor weights() { return w; }

    /** The gradient of the last evaluation, on the backend [features, dims]. */
    public Tensor gradient() { return dw; }

    @Override
    public void close() {
        w.close();
        f.close();
        delta.close();
        dw.close();
    }
}
