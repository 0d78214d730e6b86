package ibinit.nn;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Window2d;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A chain of layers built from an {@link Architecture}; forward and backward run through it in order. */
public final class Sequential implements AutoCloseable {
    private final Backend backend;
    private final Architecture architecture;
    private final Activation activation;
    private final List<Layer> layers;
    /**
     * fused[i]: layer i is a {@link Dense} and layer i+1 a fusable {@link ActivationLayer}, so the
     * pair runs as one fused backend op each way (one pass over the layer output for bias and
     * activation instead of three, and none over a separate pre-activation tensor in backward:
     * these passes are memory bound and cost more than their flops, see benchmarks/RESULTS.md).
     * The results are those of the two layers run one after the other, up to float rounding.
     */
    private final boolean[] fused;
    private final Buffer lossGrad;
    private final Buffer lossGradR;
    private Tensor lastLogits;

    private Sequential(Backend backend, Architecture architecture, Activation activation, List<Layer> layers) {
        this.backend = backend;
        this.lossGrad = new Buffer(backend);
        this.lossGradR = new Buffer(backend);
        this.architecture = architecture;
        this.activation = activation;
        this.layers = layers;
        this.fused = new boolean[layers.size()];
        for (int i = 0; i + 1 < layers.size(); i++) {
            fused[i] = layers.get(i) instanceof Dense && layers.get(i + 1) instanceof ActivationLayer a && a.fusable();
        }
    }

    /** Builds the layers; every parameter starts at zero until an initializer fills it. */
    public static Sequential build(Backend backend, Architecture arch, Activation activation, float activationParam) {
        List<Layer> layers = new ArrayList<>();
        List<int[]> shapes = arch.shapes();
        int dense = 0, conv = 0;
        for (int i = 0; i < arch.layers().size(); i++) {
            int[] in = shapes.get(i);
            boolean last = i == arch.layers().size() - 1;
            switch (arch.layers().get(i)) {
                case Architecture.DenseSpec d -> {
                    if (in.length > 1) layers.add(new Flatten());
                    layers.add(new Dense(backend, "layers." + layers.size(), Math.toIntExact(Tensor.sizeOf(in)), d.units()));
                    dense++;
                    if (!last) layers.add(new ActivationLayer(backend, activation, activationParam));
                }
                case Architecture.ConvSpec c -> {
                    layers.add(new Conv2d(backend, "layers." + layers.size(), in[0], c.channels(),
                            new Window2d(c.kernel(), c.stride(), c.padding())));
                    conv++;
                    if (!last) layers.add(new ActivationLayer(backend, activation, activationParam));
                }
                case Architecture.PoolSpec p -> layers.add(new MaxPool2d(backend, new Window2d(p.kernel(), p.stride(), 0)));
                case Architecture.ResidualSpec r -> {
                    // The block ends with the activation itself.
                    layers.add(new ResidualBlock(backend, "layers." + layers.size(), in[0], r.channels(), r.stride(),
                            activation, activationParam));
                    conv++;
                }
                case Architecture.GlobalPoolSpec g -> layers.add(new GlobalAvgPool(backend));
            }
        }
        if (dense + conv == 0) throw new IllegalArgumentException("architecture " + arch + " has no trainable layer");
        return new Sequential(backend, arch, activation, List.copyOf(layers));
    }

    public Backend backend() { return backend; }
    public Architecture architecture() { return architecture; }
    public Activation activation() { return activation; }
    public List<Layer> layers() { return layers; }

    /** Layers that carry weights (dense and conv), first to last. */
    public List<Layer> weightLayers() {
        return layers.stream().filter(l -> !l.parameters().isEmpty()).toList();
    }

    /**
     * How many entries of {@link #layers()} make up weight layers 1..i (counting from 1) and the
     * activation after layer i: {@code forwardPrefix(x, prefixLength(i))} is layer i's representation.
     */
    public int prefixLength(int i) {
        int seen = 0;
        for (int k = 0; k < layers.size(); k++) {
            if (!layers.get(k).parameters().isEmpty() && ++seen == i) {
                boolean activation = k + 1 < layers.size() && layers.get(k + 1) instanceof ActivationLayer;
                return activation ? k + 2 : k + 1;
            }
        }
        throw new IllegalArgumentException("layer " + i + " of " + describe() + ": it has " + seen + " weight layers (count from 1)");
    }

    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        for (Layer l : layers) out.addAll(l.parameters());
        return out;
    }

    /**
     * The name of the first parameter holding a NaN or an infinity, or null when all are finite.
     * One backend reduction per parameter (its sum of squares in double, finite exactly when every
     * float entry is), so no element crosses into Java.
     */
    public String firstNonFiniteParameter() {
        for (Parameter p : parameters()) {
            if (!Double.isFinite(GradientClipping.sumOfSquares(p.value()))) return p.name();
        }
        return null;
    }

    /** Forward through every layer; the input is [batch, inputShape...] or [batch, inputSize]. */
    public Tensor forward(Tensor x) {
        return forwardPrefix(x, layers.size());
    }

    private Tensor shapeInput(Tensor x) {
        if (x.cols() != architecture.inputSize()) {
            throw new IllegalArgumentException("network " + architecture + " takes " + architecture.inputSize()
                    + " features per sample, got " + x.describe());
        }
        if (architecture.inputShape().length > 1 && x.rank() == 2) {
            int[] s = new int[architecture.inputShape().length + 1];
            s[0] = x.rows();
            System.arraycopy(architecture.inputShape(), 0, s, 1, architecture.inputShape().length);
            return x.view(s);
        }
        return x;
    }

    /** The output of the first {@code count} layers (for data-driven initializers that go layer by layer). */
    public Tensor forwardPrefix(Tensor x, int count) {
        Tensor h = shapeInput(x);
        for (int i = 0; i < count; i++) {
            if (fused[i] && i + 1 < count) {
                h = ((Dense) layers.get(i)).forward(h, (ActivationLayer) layers.get(i + 1));
                i++;
            } else {
                h = layers.get(i).forward(h);
            }
        }
        return h;
    }

    /** Backward from d(loss)/d(logits); sets every parameter's gradient. */
    public void backward(Tensor gradLogits) { backward(gradLogits, false); }

    /**
     * Backward from d(loss)/d(logits); with {@code accumulate} every parameter's gradient is added
     * to what it holds (a smoothed step sums its passes this way), else overwritten. Accumulating
     * passes run dense + activation pairs unfused (the fused backward overwrites): one more pass
     * over each hidden layer's output, far less than a pass over the weights.
     */
    public void backward(Tensor gradLogits, boolean accumulate) { backward(gradLogits, false, accumulate); }

    /**
     * With {@code forHessian} a fused pair is taken only when its activation has no curvature
     * (f'' = 0: ReLU, leaky ReLU, identity): for tanh and sigmoid the R-pass needs the gradient
     * the activation received, which the fused op overwrites.
     */
    private void backward(Tensor gradLogits, boolean forHessian, boolean accumulate) {
        // Below the first layer with parameters no gradient is needed: stop there.
        int first = 0;
        while (first < layers.size() && layers.get(first).parameters().isEmpty()) first++;
        // The fused backward overwrites its incoming gradient, so a pair takes it only when a
        // weight layer above produced it (never the caller's gradLogits).
        int top = layers.size() - 1;
        while (top >= 0 && layers.get(top).parameters().isEmpty()) top--;
        Tensor g = gradLogits;
        for (int i = layers.size() - 1; i >= first; i--) {
            if (!accumulate && i > 0 && i - 1 >= first && i - 1 < top && fused[i - 1]
                    && !(forHessian && ((ActivationLayer) layers.get(i)).hasCurvature())) {
                g = ((Dense) layers.get(i - 1)).backward(g, (ActivationLayer) layers.get(i), i - 1 > first);
                i--;
            } else if (i > first) {
                g = layers.get(i).backward(g, accumulate);
            } else {
                layers.get(i).backwardParametersOnly(g, accumulate);
            }
        }
    }

    // ---- exact Hessian-vector products (Pearlmutter's R-operator) ----

    /**
     * The mean softmax cross-entropy of a batch; sets every parameter's gradient and keeps, layer
     * by layer, what {@link #hessianVector()} needs (the fused dense + activation ops are used
     * where they keep it: always forward, and backward for activations without curvature).
     * {@code labels} are int32.
     */
    public double lossAndGradient(Tensor x, Tensor labels) {
        Tensor h = forward(x);
        lastLogits = h;
        Tensor g = lossGrad.like(h);
        double loss = backend.softmaxCrossEntropy(h, labels, g);
        backward(g, true, false);
        return loss;
    }

    /**
     * After {@link #lossAndGradient}: sets each parameter's {@link Parameter#hessianVector()} to its
     * block of H v, where H is the Hessian of that batch's mean loss in all parameters and v the
     * parameters' {@link Parameter#direction()}s. Exact (a forward-mode pass through the forward and
     * backward passes), at about the cost of two more backward passes.
     */
    public void hessianVector() {
        if (lastLogits == null) throw new IllegalStateException("hessianVector needs a lossAndGradient call first");
        Tensor r = null;
        for (Layer l : layers) r = l.forwardR(r);
        Tensor rg = lossGradR.like(lastLogits);
        backend.softmaxCrossEntropyR(lastLogits, r, rg);
        int first = firstWeightLayer();
        for (int i = layers.size() - 1; i >= first; i--) rg = layers.get(i).backwardR(rg, i > first);
    }

    private int firstWeightLayer() {
        int first = 0;
        while (layers.get(first).parameters().isEmpty()) first++;
        return first;
    }

    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters()) n += p.value().size();
        return n;
    }

    public String describe() {
        StringBuilder b = new StringBuilder();
        for (Layer l : layers) b.append(b.isEmpty() ? "" : " | ").append(l.describe());
        return b.toString();
    }

    @Override
    public void close() {
        for (Layer l : layers) l.close();
        lossGrad.close();
        lossGradR.close();
    }

    @Override
    public String toString() { return architecture + " " + Arrays.toString(architecture.inputShape()); }
}
