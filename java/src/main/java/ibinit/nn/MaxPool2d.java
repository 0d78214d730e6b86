package ibinit.nn;

import ibinit.backend.Backend;
import ibinit.backend.Window2d;
import ibinit.tensor.Tensor;
import ibinit.tensor.Tensor.DType;
import java.util.Arrays;

/** Max-pooling over NCHW batches; keeps each window's winner (int32) for backward. */
public final class MaxPool2d implements Layer {
    private final Backend backend;
    private final Window2d window;
    private final Buffer output;
    private final Buffer winners;
    private final Buffer inputGrad;
    private final Buffer rOutput;
    private final Buffer rInputGrad;
    private Tensor lastWinners;
    private int[] lastInput;

    public MaxPool2d(Backend backend, Window2d window) {
        this.backend = backend;
        this.window = window;
        this.output = new Buffer(backend);
        this.winners = new Buffer(backend, DType.I32);
        this.inputGrad = new Buffer(backend);
        this.rOutput = new Buffer(backend);
        this.rInputGrad = new Buffer(backend);
    }

    public Window2d window() { return window; }

    @Override
    public String describe() { return "maxpool " + window.kernel() + "x" + window.kernel() + " s" + window.stride(); }

    @Override
    public int[] outputShape(int[] in) {
        if (in.length != 3 || !window.fits(in[1]) || !window.fits(in[2])) {
            throw new IllegalArgumentException(describe() + " cannot take inputs of " + Arrays.toString(in));
        }
        return new int[] {in[0], window.positions(in[1]), window.positions(in[2])};
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() != 4) throw new IllegalArgumentException(describe() + " needs [n, c, h, w] input, got " + x.describe());
        int[] out = outputShape(new int[] {x.dim(1), x.dim(2), x.dim(3)});
        lastInput = x.shape();
        Tensor y = output.get(x.dim(0), out);
        lastWinners = winners.get(x.dim(0), out);
        backend.maxPool(x, window.kernel(), window.stride(), window.padding(), y, lastWinners);
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Tensor dx = inputGrad.get(lastInput[0], Arrays.copyOfRange(lastInput, 1, 4));
        Tensor dy4 = dy.rank() == 4 ? dy : dy.view(lastWinners.shape());
        backend.maxPoolBackward(dy4, lastWinners, window.kernel(), window.stride(), window.padding(), dx);
        return dx;
    }

    /** With the winners held fixed, R{y} picks R{x} at each window's winner. */
    @Override
    public Tensor forwardR(Tensor rx) {
        if (rx == null) return null;
        Tensor ry = rOutput.like(lastWinners);
        backend.maxPoolGather(rx, lastWinners, ry);
        return ry;
    }

    /** R{dx}: R{dy} routed to the winners, as backward routes dy. */
    @Override
    public Tensor backwardR(Tensor rdy, boolean wantInputGrad) {
        if (!wantInputGrad) return null;
        Tensor rdx = rInputGrad.get(lastInput[0], Arrays.copyOfRange(lastInput, 1, 4));
        Tensor rdy4 = rdy.rank() == 4 ? rdy : rdy.view(lastWinners.shape());
        backend.maxPoolBackward(rdy4, lastWinners, window.kernel(), window.stride(), window.padding(), rdx);
        return rdx;
    }

    @Override
    public void close() {
        output.close();
        winners.close();
        inputGrad.close();
        rOutput.close();
        rInputGrad.close();
    }
}
