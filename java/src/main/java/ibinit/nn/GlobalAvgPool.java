package ibinit.nn;

import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;
import java.util.Arrays;

/**
 * [n, c, h, w] -> [n, c]: the mean of each plane (a ResNet's pooling before its classifier).
 * Linear, so forward, backward and both R-passes are one GEMM each against a column of ones.
 */
public final class GlobalAvgPool implements Layer {
    private final Backend backend;
    private final Buffer output;
    private final Buffer inputGrad;
    private final Buffer rOutput;
    private final Buffer rInputGrad;
    private Tensor ones; // [h*w, 1]
    private int[] lastInput;

    public GlobalAvgPool(Backend backend) {
        this.backend = backend;
        this.output = new Buffer(backend);
        this.inputGrad = new Buffer(backend);
        this.rOutput = new Buffer(backend);
        this.rInputGrad = new Buffer(backend);
    }

    @Override public String describe() { return "global average pool"; }

    @Override
    public int[] outputShape(int[] in) {
        if (in.length != 3) throw new IllegalArgumentException(describe() + " needs CxHxW inputs, got " + Arrays.toString(in));
        return new int[] {in[0]};
    }

    private Tensor ones(int plane) {
        if (ones == null || ones.size() != plane) {
            if (ones != null) ones.close();
            ones = backend.zeros(plane, 1);
            backend.fillUniform(ones, RandomStream.of(0, 0), 1f, 1f);
        }
        return ones;
    }

    /** y[n*c] = x[n*c, hw] ones / hw. */
    private Tensor mean(Tensor x, Buffer into) {
        int n = lastInput[0], c = lastInput[1], plane = lastInput[2] * lastInput[3];
        Tensor y = into.get(n, new int[] {c});
        backend.gemm(false, false, 1f / plane, x.view(n * c, plane), ones(plane), 0f, y.view(n * c, 1));
        return y;
    }

    /** dx[n*c, hw] = dy[n*c] ones^T / hw. */
    private Tensor spread(Tensor dy, Buffer into) {
        int n = lastInput[0], c = lastInput[1], plane = lastInput[2] * lastInput[3];
        Tensor dx = into.get(n, Arrays.copyOfRange(lastInput, 1, 4));
        backend.gemm(false, true, 1f / plane, dy.view(n * c, 1), ones(plane), 0f, dx.view(n * c, plane));
        return dx;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() != 4) throw new IllegalArgumentException(describe() + " needs [n, c, h, w] input, got " + x.describe());
        lastInput = x.shape();
        return mean(x, output);
    }

    @Override public Tensor backward(Tensor dy) { return spread(dy, inputGrad); }

    @Override public Tensor forwardR(Tensor rx) { return rx == null ? null : mean(rx, rOutput); }

    @Override
    public Tensor backwardR(Tensor rdy, boolean wantInputGrad) { return wantInputGrad ? spread(rdy, rInputGrad) : null; }

    @Override
    public void close() {
        output.close();
        inputGrad.close();
        rOutput.close();
        rInputGrad.close();
        if (ones != null) ones.close();
    }
}
