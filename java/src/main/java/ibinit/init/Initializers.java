package ibinit.init;

import ibinit.backend.Activation;
import ibinit.init.ibci.IbciMethods;
import ibinit.init.sparse.SparseFilteringInit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one registry of initialization methods every command uses ({@code --init NAME[:key=value,...]}),
 * with PyTorch's semantics. Each entry ({@link InitMethod}) parses its options into a call of its
 * typed entry point ({@link Init} for the per-tensor methods). To add a method: write its
 * {@link Initializer} (or a {@link WeightFill} over an {@link Init} function) and add one entry
 * to {@link #METHODS}; help texts, the error for an unknown name and every command pick it up.
 */
public final class Initializers {
    /** Every method, in the order help texts list them. */
    public static final List<InitMethod> METHODS;

    static {
        List<InitMethod> m = new ArrayList<>();
        m.add(new InitMethod("xavier-uniform", List.of("xavier", "glorot", "glorot-uniform"), "gain=G",
                "U(-a, a), a = G sqrt(6 / (fan_in + fan_out)), G default 1", (s, env) -> {
                    double gain = gain(s);
                    return classic("xavier-uniform", (w, rs) -> Init.xavierUniform(w, gain, rs), env);
                }));
        m.add(new InitMethod("xavier-normal", List.of("glorot-normal"), "gain=G", "N(0, G^2 2 / (fan_in + fan_out))", (s, env) -> {
            double gain = gain(s);
            return classic("xavier-normal", (w, rs) -> Init.xavierNormal(w, gain, rs), env);
        }));
        m.add(new InitMethod("kaiming-uniform", List.of("he-uniform"), "mode=fan_in|fan_out",
                "U(-b, b), b = gain sqrt(3 / fan), gain of --act", (s, env) -> {
                    FanMode mode = mode(s);
                    return classic("kaiming-uniform", (w, rs) -> Init.kaimingUniform(w, env.gain(), mode, rs), env);
                }));
        m.add(new InitMethod("kaiming-normal", List.of("he", "he-normal", "kaiming"), "mode=fan_in|fan_out",
                "N(0, gain^2 / fan), gain of --act", (s, env) -> {
                    FanMode mode = mode(s);
                    return classic("kaiming-normal", (w, rs) -> Init.kaimingNormal(w, env.gain(), mode, rs), env);
                }));
        m.add(new InitMethod("lecun-normal", List.of("lecun"), "", "N(0, 1 / fan_in)", (s, env) -> {
            s.allowOnly(Set.of());
            return classic("lecun-normal", Init::lecunNormal, env);
        }));
        m.add(new InitMethod("orthogonal", List.of(), "gain=G", "orthonormal rows or columns times G (default 1)", (s, env) -> {
            double gain = gain(s);
            return classic("orthogonal", (w, rs) -> Init.orthogonal(w, gain, rs), env);
        }));
        m.add(new InitMethod("normal", List.of(), "std=S", "N(0, S^2), S default 0.01", (s, env) -> {
            s.allowOnly(Set.of("std"));
            double std = s.positive("std", 0.01);
            return classic("normal", (w, rs) -> Init.normal(w, std, rs), env);
        }));
        m.add(new InitMethod("truncated-normal", List.of(), "std=S,cut=C",
                "N(0, S^2) cut at +-C S; S default 1/sqrt(fan_in), C default 2 (TensorFlow's; infoplane's 12-bit default)", (s, env) -> {
                    s.allowOnly(Set.of("std", "cut"));
                    Double std = s.options().containsKey("std") ? s.positive("std", 1) : null;
                    double cut = s.positive("cut", 2);
                    return classic("truncated-normal", (w, rs) -> Init.truncatedNormal(w, std != null ? std : 1 / Math.sqrt(w.fanIn()), cut, rs), env);
                }));
        m.add(new InitMethod("lsuv", List.of(), "tol=T,iters=N,after-act,pre=orthogonal|xavier|he,no-ortho",
                "pre-initialized (orthonormal by default), then each layer scaled to unit output variance on the sample (T 0.1, N 10); "
                        + "no-ortho = pre=xavier", (s, env) -> {
                    s.allowOnly(Set.of("tol", "iters", "after-act", "no-ortho", "pre"));
                    boolean noOrtho = s.flag("no-ortho", false);
                    String preName = s.text("pre", noOrtho ? "xavier" : "orthogonal");
                    if (!Set.of("orthogonal", "xavier", "he").contains(preName)) {
                        throw new IllegalArgumentException("lsuv:pre must be orthogonal, xavier or he, got '" + preName + "'");
                    }
                    if (noOrtho && preName.equals("orthogonal")) throw new IllegalArgumentException("lsuv: no-ortho contradicts pre=orthogonal");
                    Initializer pre = create(preName, env);
                    return new Lsuv(s.positive("tol", 0.1), s.integer("iters", 10), s.flag("after-act", false), pre);
                }));
        m.addAll(IbciMethods.METHODS);
        m.addAll(ibinit.init.scales.ScaleMethods.METHODS);
        m.add(SparseFilteringInit.METHOD);
        m.add(FromFile.METHOD);
        METHODS = List.copyOf(m);
    }

    private Initializers() { }

    /** The CLI names of every method. */
    public static List<String> names() { return METHODS.stream().map(InitMethod::name).toList(); }

    /** One line per method, {@code name[:options]  summary}, for help texts. */
    public static String helpList() {
        return METHODS.stream().map(x -> x.usage() + ": " + x.summary()).collect(Collectors.joining("; "));
    }

    /** Builds a method from {@code name[:options]} for a network with the given activation. */
    public static Initializer create(String text, Activation activation, float leakySlope, BiasInit bias) {
        return create(text, new InitMethod.Settings(activation, leakySlope, bias));
    }

    public static Initializer create(String text, InitMethod.Settings settings) {
        MethodSpec spec = MethodSpec.parse(text);
        for (InitMethod m : METHODS) if (m.answersTo(spec.name())) return m.factory().create(spec, settings);
        throw new IllegalArgumentException("unknown initialization method '" + spec.name() + "' (choose from "
                + String.join(", ", names()) + ")");
    }

    private static Initializer classic(String name, WeightFill fill, InitMethod.Settings env) {
        return new ClassicInitializer(name, fill, env.bias());
    }

    private static double gain(MethodSpec s) {
        s.allowOnly(Set.of("gain"));
        return s.positive("gain", 1);
    }

    private static FanMode mode(MethodSpec s) {
        s.allowOnly(Set.of("mode"));
        return FanMode.parse(s.text("mode", "fan_in"));
    }
}
