package ibinit.api;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.init.FanMode;
import ibinit.init.Init;
import ibinit.nn.Parameter;
import ibinit.rng.Streams;
import java.util.function.BiConsumer;

/**
 * Fills one weight array in place, as {@code torch.nn.init} fills one tensor. {@code w} holds a
 * dense layer's weights in PyTorch's {@code [out, in]} layout (row-major, {@code out * in}
 * values); fan_in = {@code in}, fan_out = {@code out}. Random numbers come from a counter-based
 * Philox stream of {@code seed} (the stream of a network's first weight, so
 * {@code kaimingNormal(w, 100, 784, sqrt(2), FAN_IN, 1)} equals {@code layers.0.weight} of
 * {@code ibinit init --init kaiming-normal --arch 784-100-10 --seed 1}), identical on every platform.
 *
 * <pre>{@code
 * float[] w = new float[100 * 784];
 * WeightArrays.kaimingNormal(w, 100, 784, Math.sqrt(2), FanMode.FAN_IN, 42);   // He et al. 2015, for ReLU
 * float[] dl4j = WeightArrays.transpose(w, 100, 784);                          // [in, out] for DL4J
 * }</pre>
 */
public final class WeightArrays {
    private WeightArrays() { }

    /** Xavier/Glorot uniform (Glorot and Bengio 2010): U(-a, a), a = gain sqrt(6 / (fan_in + fan_out)). */
    public static void xavierUniform(float[] w, int out, int in, double gain, long seed) {
        fill(w, out, in, seed, (p, rs) -> Init.xavierUniform(p, gain, rs));
    }

    /** Xavier/Glorot normal: N(0, gain^2 2 / (fan_in + fan_out)). */
    public static void xavierNormal(float[] w, int out, int in, double gain, long seed) {
        fill(w, out, in, seed, (p, rs) -> Init.xavierNormal(p, gain, rs));
    }

    /**
     * Kaiming/He uniform (He et al. 2015): U(-b, b), b = gain sqrt(3 / fan); gain sqrt(2) for
     * ReLU ({@link ibinit.init.Gain#of}), fan = fan_in or fan_out by {@code mode}.
     */
    public static void kaimingUniform(float[] w, int out, int in, double gain, FanMode mode, long seed) {
        fill(w, out, in, seed, (p, rs) -> Init.kaimingUniform(p, gain, mode, rs));
    }

    /** Kaiming/He normal: N(0, gain^2 / fan). */
    public static void kaimingNormal(float[] w, int out, int in, double gain, FanMode mode, long seed) {
        fill(w, out, in, seed, (p, rs) -> Init.kaimingNormal(p, gain, mode, rs));
    }

    /** LeCun normal: N(0, 1 / fan_in). */
    public static void lecunNormal(float[] w, int out, int in, long seed) { fill(w, out, in, seed, Init::lecunNormal); }

    /** Orthogonal (Saxe et al. 2014): orthonormal rows (or columns, whichever are fewer) times gain, from the QR of a Gaussian matrix. */
    public static void orthogonal(float[] w, int out, int in, double gain, long seed) {
        fill(w, out, in, seed, (p, rs) -> Init.orthogonal(p, gain, rs));
    }

    /** N(0, std^2). */
    public static void normal(float[] w, int out, int in, double std, long seed) {
        fill(w, out, in, seed, (p, rs) -> Init.normal(p, std, rs));
    }

    /**
     * {@code rows x cols} row-major to {@code cols x rows} row-major: PyTorch's {@code [out, in]}
     * (rows = out) to DL4J's {@code [in, out]}, and back with the arguments swapped.
     */
    public static float[] transpose(float[] a, int rows, int cols) {
        checkLength(a, rows, cols);
        float[] t = new float[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) t[c * rows + r] = a[r * cols + c];
        }
        return t;
    }

    private static void fill(float[] w, int out, int in, long seed, BiConsumer<Parameter, RandomStream> method) {
        checkLength(w, out, in);
        try (Backend b = Backends.reference();
             Parameter p = new Parameter("weight", Parameter.Kind.WEIGHT, b.fromArray(new float[w.length], out, in), in, out)) {
            method.accept(p, Streams.parameter(Streams.networkInit(seed), 0));
            System.arraycopy(b.toFloatArray(p.value()), 0, w, 0, w.length);
        }
    }

    static void checkLength(float[] w, int rows, int cols) {
        if (rows < 1 || cols < 1) throw new IllegalArgumentException("shape " + rows + " x " + cols + " must be positive");
        if ((long) rows * cols != w.length) {
            throw new IllegalArgumentException("an array of " + w.length + " values is not " + rows + " x " + cols);
        }
    }
}
