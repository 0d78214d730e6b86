package ibinit.init.scales;

import ibinit.init.InitMethod;
import ibinit.init.Initializer;
import ibinit.init.Initializers;
import ibinit.init.MethodSpec;
import java.util.List;
import java.util.Set;

/**
 * The registry entries of the learned-scale methods ({@link Initializers#METHODS}):
 * {@code nio[:base=M,d=D,r=R,t=T,gamma=G,tau=TAU,lambda=L,s_min=S,batch=B]} and
 * {@code gradinit[:base=M,t=T,batch=B,eta=E,gamma=G,tau=TAU,s_min=S]}; base is any other
 * registered method without options, {@code kaiming-normal} (He) by default.
 */
public final class ScaleMethods {
    public static final List<InitMethod> METHODS = List.of(
            new InitMethod("nio", List.of("gradcosine"), "base=M,d=D,r=R,t=T,gamma=G,tau=TAU,lambda=L,s_min=S,batch=B",
                    "NIO: per-tensor scales of the base method (He) learned on the sample to maximize the cosine of sub-batch gradients "
                            + "(D 2, r 0.7, T 100, gamma 3, tau 0.015, lambda 1, s_min 0.01, batch 128)", (s, env) -> {
                        s.allowOnly(Set.of("base", "d", "r", "t", "gamma", "tau", "lambda", "s_min", "s-min", "batch"));
                        NioOptions d = NioOptions.DEFAULTS;
                        NioOptions o = new NioOptions(s.integer("d", d.subBatches()), s.number("r", d.overlap()), s.integer("t", d.steps()),
                                s.positive("gamma", d.gamma()), s.positive("tau", d.tau()), s.number("lambda", d.lambda()),
                                minScale(s, d.minScale()), s.integer("batch", d.batch()));
                        return new Nio(base(s, env), o);
                    }),
            new InitMethod("gradinit", List.of(), "base=M,t=T,batch=B,eta=E,gamma=G,tau=TAU,s_min=S",
                    "GradInit: per-tensor scales of the base method (He) learned on the sample so one SGD step lowers the loss most "
                            + "(T 100, batch 128, eta 0.1, gamma 1, tau 0.01, s_min 0.01; needs 1.5 batches of --init-sample)", (s, env) -> {
                        s.allowOnly(Set.of("base", "t", "batch", "eta", "gamma", "tau", "s_min", "s-min"));
                        GradInitOptions d = GradInitOptions.DEFAULTS;
                        GradInitOptions o = new GradInitOptions(s.integer("t", d.steps()), s.integer("batch", d.batch()),
                                s.positive("eta", d.eta()), s.positive("gamma", d.gamma()), s.positive("tau", d.tau()), minScale(s, d.minScale()));
                        return new GradInit(base(s, env), o);
                    }));

    private ScaleMethods() { }

    private static double minScale(MethodSpec s, double def) {
        return s.options().containsKey("s-min") ? s.number("s-min", def) : s.number("s_min", def);
    }

    private static Initializer base(MethodSpec s, InitMethod.Settings env) {
        String base = s.text("base", "kaiming-normal");
        if (MethodSpec.parse(base).name().equals("nio") || MethodSpec.parse(base).name().equals("gradinit")
                || MethodSpec.parse(base).name().equals("gradcosine")) {
            throw new IllegalArgumentException(s.name() + ": base must be a method that draws weights, not " + base);
        }
        return Initializers.create(base, env);
    }
}
