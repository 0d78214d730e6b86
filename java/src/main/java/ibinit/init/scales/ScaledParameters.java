package ibinit.init.scales;

import ibinit.backend.Backend;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A network's parameters as theta_k = s_k * theta0_k: one positive scale per tensor, starting at
 * 1, over the values a base initializer drew. Tensors whose initial norm is 0 (zero biases, the
 * residual blocks' scalar biases) are left alone. Also the vector algebra on parameter-shaped
 * tensor lists that both methods need (dot products, combinations), on the backend's ops.
 */
final class ScaledParameters implements AutoCloseable {
    private final Backend backend;
    private final List<Parameter> params;
    private final List<Tensor> initial;
    private final double[] scale;
    private final double[] initialNorm;
    private final double[] minScale;
    private final Tensor dotScratch;
    private final List<List<Tensor>> vectors = new ArrayList<>();

    ScaledParameters(Sequential net, double weightMinScale) {
        this.backend = net.backend();
        this.params = net.parameters();
        this.dotScratch = backend.zeros(1, 1);
        this.initial = new ArrayList<>();
        this.scale = new double[params.size()];
        this.initialNorm = new double[params.size()];
        this.minScale = new double[params.size()];
        for (int k = 0; k < params.size(); k++) {
            Parameter p = params.get(k);
            Tensor t = backend.allocate(p.value().dtype(), p.value().shape());
            backend.copy(p.value(), t);
            initial.add(t);
            scale[k] = 1;
            initialNorm[k] = Math.sqrt(dot(t, t));
            minScale[k] = p.kind() == Parameter.Kind.WEIGHT ? weightMinScale : 0;
        }
    }

    List<Parameter> parameters() { return params; }
    int size() { return params.size(); }
    double[] scales() { return scale; }
    double[] minScales() { return minScale; }
    String name(int k) { return params.get(k).name(); }

    /** Whether tensor k's scale is learned: its initial norm is not 0. */
    boolean active(int k) { return initialNorm[k] > 0; }

    boolean[] activeMask() {
        boolean[] a = new boolean[size()];
        for (int k = 0; k < a.length; k++) a[k] = active(k);
        return a;
    }

    /** Writes theta_k = s_k theta0_k into the network (after the scales changed). */
    void apply() {
        for (int k = 0; k < params.size(); k++) {
            if (!active(k)) continue;
            Tensor v = params.get(k).value();
            backend.copy(initial.get(k), v);
            backend.scale((float) scale[k], v);
        }
    }

    /**
     * d obj / d s_k from the gradient of obj in theta: RescaleAdam's {@code <grad_k, theta_k> ||theta0_k|| / ||theta_k||},
     * which is {@code <grad_k, theta0_k>} while s_k &gt; 0; 0 for tensors left alone or at scale 0.
     */
    double[] scaleGradient(List<Tensor> gradTheta) {
        double[] g = new double[size()];
        for (int k = 0; k < g.length; k++) {
            if (active(k) && scale[k] > 0) g[k] = dot(gradTheta.get(k), initial.get(k));
        }
        return g;
    }

    // ---- vectors shaped like the parameters ----

    /** A new zero vector, freed with this object. */
    List<Tensor> newVector() {
        List<Tensor> v = new ArrayList<>();
        for (Parameter p : params) v.add(backend.allocate(p.value().dtype(), p.value().shape()));
        vectors.add(v);
        return v;
    }

    /** The current gradients copied into {@code into}. */
    void copyGradients(List<Tensor> into) {
        for (int k = 0; k < params.size(); k++) backend.copy(params.get(k).grad(), into.get(k));
    }

    /** The current values copied into {@code into}. */
    void copyValues(List<Tensor> into) {
        for (int k = 0; k < params.size(); k++) backend.copy(params.get(k).value(), into.get(k));
    }

    /** Values restored from {@code from}. */
    void setValues(List<Tensor> from) {
        for (int k = 0; k < params.size(); k++) backend.copy(from.get(k), params.get(k).value());
    }

    /** Each parameter's direction() = sum_j coefficients[j] vectors[j]. */
    void setDirections(double[] coefficients, List<List<Tensor>> vectorsIn) {
        for (int k = 0; k < params.size(); k++) {
            Tensor d = params.get(k).direction();
            backend.copy(vectorsIn.getFirst().get(k), d);
            backend.scale((float) coefficients[0], d);
            for (int j = 1; j < coefficients.length; j++) backend.axpy((float) coefficients[j], vectorsIn.get(j).get(k), d);
        }
    }

    /** y += alpha * (each parameter's hessianVector()). */
    void addHessianVector(float alpha, List<Tensor> y) {
        for (int k = 0; k < params.size(); k++) backend.axpy(alpha, params.get(k).hessianVector(), y.get(k));
    }

    /** y += alpha * x. */
    void axpy(float alpha, List<Tensor> x, List<Tensor> y) {
        for (int k = 0; k < x.size(); k++) backend.axpy(alpha, x.get(k), y.get(k));
    }

    void zero(List<Tensor> v) {
        for (Tensor t : v) backend.scale(0f, t);
    }

    double dot(List<Tensor> a, List<Tensor> b) {
        double s = 0;
        for (int k = 0; k < a.size(); k++) s += dot(a.get(k), b.get(k));
        return s;
    }

    /** <a, b> through a 1 x n by n x 1 GEMM (the backends have no dot product op). */
    double dot(Tensor a, Tensor b) {
        int n = Math.toIntExact(a.size());
        if (n == 0) return 0;
        backend.gemm(false, true, 1f, a.view(1, n), b.view(1, n), 0f, dotScratch);
        return backend.toFloatArray(dotScratch)[0];
    }

    @Override
    public void close() {
        initial.forEach(Tensor::close);
        for (List<Tensor> v : vectors) v.forEach(Tensor::close);
        dotScratch.close();
    }
}
