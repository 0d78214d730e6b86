package ibinit.nn;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.Window2d;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A basic residual block without batch normalization, as in the no-BN nets of Fixup, GradInit
 * and NIO: {@code y = f(b2 + conv2(f(b1 + conv1(x))) + skip(x))}, where conv1 is 3x3 with the
 * block's stride and conv2 3x3, both with padding 1 and no bias, b1 and b2 are learnable scalar
 * biases (one number each, where a ResNet has its batch norms) and f is the network's activation.
 * The skip is the identity when the shape is kept, otherwise a 1x1 convolution with the stride
 * (no bias) plus its own scalar bias. Parameters are named {@code NAME.conv1.weight},
 * {@code NAME.bias1.bias}, {@code NAME.conv2.weight}, {@code NAME.bias2.bias} and, with a
 * projection, {@code NAME.shortcut.weight} and {@code NAME.shortcut_bias.bias}.
 */
public final class ResidualBlock implements Layer {
    private final Backend backend;
    private final int inChannels;
    private final int outChannels;
    private final int stride;
    private final List<Layer> main;
    private final List<Layer> skip; // empty: the identity
    private final ActivationLayer out;
    private final Buffer sum;
    private final Buffer inputGrad;
    private final Buffer rSum;
    private final Buffer rInputGrad;

    public ResidualBlock(Backend backend, String name, int inChannels, int outChannels, int stride,
                         Activation activation, float activationParam) {
        if (inChannels < 1 || outChannels < 1 || stride < 1) {
            throw new IllegalArgumentException("residual block needs positive channels and stride, got " + inChannels + "->"
                    + outChannels + " stride " + stride);
        }
        this.backend = backend;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.stride = stride;
        this.main = List.of(
                new Conv2d(backend, name + ".conv1", inChannels, outChannels, new Window2d(3, stride, 1), false),
                new ScalarBias(backend, name + ".bias1"),
                new ActivationLayer(backend, activation, activationParam),
                new Conv2d(backend, name + ".conv2", outChannels, outChannels, new Window2d(3, 1, 1), false),
                new ScalarBias(backend, name + ".bias2"));
        this.skip = inChannels == outChannels && stride == 1 ? List.of() : List.of(
                new Conv2d(backend, name + ".shortcut", inChannels, outChannels, new Window2d(1, stride, 0), false),
                new ScalarBias(backend, name + ".shortcut_bias"));
        this.out = new ActivationLayer(backend, activation, activationParam);
        this.sum = new Buffer(backend);
        this.inputGrad = new Buffer(backend);
        this.rSum = new Buffer(backend);
        this.rInputGrad = new Buffer(backend);
    }

    public boolean projects() { return !skip.isEmpty(); }

    @Override
    public String describe() {
        return "residual " + inChannels + "->" + outChannels + (stride == 1 ? "" : " s" + stride)
                + (skip.isEmpty() ? " (identity skip)" : " (1x1 projection)");
    }

    @Override
    public int[] outputShape(int[] in) {
        if (in.length != 3 || in[0] != inChannels) {
            throw new IllegalArgumentException(describe() + " cannot take inputs of " + Arrays.toString(in));
        }
        int h = (in[1] - 1) / stride + 1, w = (in[2] - 1) / stride + 1; // 3x3 pad 1 and 1x1 pad 0 agree
        return new int[] {outChannels, h, w};
    }

    /** main(x) + skip(x) into {@code into}; null when both are null (R-pass below any parameter). */
    private Tensor add(Tensor a, Tensor b, Buffer into) {
        if (a == null && b == null) return null;
        Tensor s = into.like(a != null ? a : b);
        if (a != null) backend.copy(a, s);
        if (b != null) {
            if (a != null) backend.axpy(1f, b, s);
            else backend.copy(b, s);
        }
        return s;
    }

    /** How one layer passes a gradient back; {@code firstOfPath}: the layer that reads the block's input. */
    private interface BackStep { Tensor apply(Layer layer, Tensor grad, boolean firstOfPath); }

    /** x through one path (main or skip), first layer to last. */
    private static Tensor along(List<Layer> path, Tensor x, BiFunction<Layer, Tensor, Tensor> step) {
        for (Layer l : path) x = step.apply(l, x);
        return x;
    }

    /** A gradient back through one path, last layer to first. */
    private static Tensor back(List<Layer> path, Tensor g, BackStep step) {
        for (int i = path.size() - 1; i >= 0; i--) g = step.apply(path.get(i), g, i == 0);
        return g;
    }

    @Override
    public Tensor forward(Tensor x) {
        return out.forward(add(along(main, x, Layer::forward), along(skip, x, Layer::forward), sum));
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor g = out.backward(dy);
        BackStep step = (l, t, first) -> l.backward(t);
        return add(back(main, g, step), back(skip, g, step), inputGrad);
    }

    @Override
    public Tensor forwardR(Tensor rx) {
        return out.forwardR(add(along(main, rx, Layer::forwardR), along(skip, rx, Layer::forwardR), rSum));
    }

    @Override
    public Tensor backwardR(Tensor rdy, boolean wantInputGrad) {
        Tensor g = out.backwardR(rdy, true);
        BackStep step = (l, t, first) -> l.backwardR(t, !first || wantInputGrad);
        Tensor gm = back(main, g, step), gs = back(skip, g, step);
        return wantInputGrad ? add(gm, gs, rInputGrad) : null;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        for (Layer l : main) ps.addAll(l.parameters());
        for (Layer l : skip) ps.addAll(l.parameters());
        return ps;
    }

    @Override
    public void close() {
        main.forEach(Layer::close);
        skip.forEach(Layer::close);
        out.close();
        sum.close();
        inputGrad.close();
        rSum.close();
        rInputGrad.close();
    }
}
