package ibinit.init;

import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.nn.Parameter;

/**
 * The typed entry points of the data-free methods, one function per method with its options as
 * arguments, as {@code torch.nn.init} has them: each fills one weight tensor from one random
 * stream (fans from the parameter's shape: dense [out, in], conv [out, in, k, k]). The registry
 * ({@link Initializers}) parses {@code name:key=value} into calls of these; the network-wide
 * methods have theirs in their own classes ({@link Lsuv}, {@link ibinit.init.ibci.Ibci},
 * {@link FromFile#load}).
 */
public final class Init {
    private Init() { }

    /** U(-a, a), a = gain sqrt(6 / (fan_in + fan_out)). */
    public static void xavierUniform(Parameter w, double gain, RandomStream rs) {
        uniform(w, gain * Math.sqrt(6.0 / (w.fanIn() + w.fanOut())), rs);
    }

    /** N(0, gain^2 2 / (fan_in + fan_out)). */
    public static void xavierNormal(Parameter w, double gain, RandomStream rs) {
        normal(w, gain * Math.sqrt(2.0 / (w.fanIn() + w.fanOut())), rs);
    }

    /** U(-b, b), b = gain sqrt(3 / fan); gain is the activation's ({@link Gain#of}). */
    public static void kaimingUniform(Parameter w, double gain, FanMode mode, RandomStream rs) {
        uniform(w, Math.sqrt(3.0) * gain / Math.sqrt(mode.of(w)), rs);
    }

    /** N(0, gain^2 / fan). */
    public static void kaimingNormal(Parameter w, double gain, FanMode mode, RandomStream rs) {
        normal(w, gain / Math.sqrt(mode.of(w)), rs);
    }

    /** N(0, 1 / fan_in). */
    public static void lecunNormal(Parameter w, RandomStream rs) { normal(w, 1 / Math.sqrt(w.fanIn()), rs); }

    /** Orthonormal rows or columns times gain (see {@link Orthogonal}). */
    public static void orthogonal(Parameter w, double gain, RandomStream rs) { new Orthogonal(gain).fill(w, rs); }

    /** N(0, std^2). */
    public static void normal(Parameter w, double std, RandomStream rs) {
        w.value().backend().fillNormal(w.value(), rs, 0f, (float) std);
    }

    /** N(0, std^2) cut at +-cut std (TensorFlow's truncated normal: values beyond are redrawn). */
    public static void truncatedNormal(Parameter w, double std, double cut, RandomStream rs) {
        Backend b = w.value().backend();
        b.fillTruncatedNormal(w.value(), rs, 0f, (float) std, (float) (-cut * std), (float) (cut * std));
    }

    /** U(-bound, bound). */
    public static void uniform(Parameter w, double bound, RandomStream rs) {
        w.value().backend().fillUniform(w.value(), rs, (float) -bound, (float) bound);
    }
}
