package ibinit.nn;

import ibinit.tensor.Tensor;

/** [batch, c, h, w] -> [batch, c*h*w]: a view, no copy. */
public final class Flatten implements Layer {
    private int[] inputShape;

    @Override public String describe() { return "flatten"; }

    @Override
    public int[] outputShape(int[] in) { return new int[] {Math.toIntExact(Tensor.sizeOf(in))}; }

    @Override
    public Tensor forward(Tensor x) {
        inputShape = x.shape();
        return x.view(x.rows(), x.cols());
    }

    @Override
    public Tensor backward(Tensor dy) { return dy.view(inputShape); }

    @Override
    public Tensor forwardR(Tensor rx) { return rx == null ? null : rx.view(rx.rows(), rx.cols()); }

    @Override
    public Tensor backwardR(Tensor rdy, boolean wantInputGrad) { return wantInputGrad ? rdy.view(inputShape) : null; }

    @Override public void close() { }
}
