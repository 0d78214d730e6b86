package ibinit.init;

import ibinit.backend.Activation;
import ibinit.backend.RandomStream;
import ibinit.init.ibci.IbciMethods;
import ibinit.nn.Parameter;
import java.util.List;
import java.util.Set;

/**
 * The registry of initialization methods by CLI name, with PyTorch's semantics:
 * <ul>
 *   <li>{@code xavier-uniform} (alias {@code xavier}), {@code xavier-normal}: gain 1 unless {@code gain=};</li>
 *   <li>{@code kaiming-uniform}, {@code kaiming-normal} (alias {@code he}): gain of the network's
 *       activation (ReLU sqrt 2, tanh 5/3, ...), {@code mode=fan_in|fan_out};</li>
 *   <li>{@code lecun-normal}: N(0, 1/fan_in);</li>
 *   <li>{@code orthogonal}: {@code gain=} (default 1);</li>
 *   <li>{@code normal}: N(0, std^2), {@code std=} (default 0.01);</li>
 *   <li>{@code lsuv}: {@code tol=} (0.1), {@code iters=} (10), {@code after-act} (measure after
 *       the activation), {@code pre=orthogonal|xavier|he} (the pre-initialization; default
 *       orthogonal, the standard form), {@code no-ortho} (= {@code pre=xavier}).</li>
 *   <li>{@code ibci} and its aliases (neuron campaign, see {@link ibinit.init.ibci.IbciMethods} and
 *       {@link ibinit.init.ibci.IbciOptions}); {@code file:path=FILE} (weights from a safetensors
 *       file, see {@link FromFile}).</li>
 * </ul>
 */
public final class Initializers {
    public static final List<String> NAMES = List.of("xavier-uniform", "xavier-normal", "kaiming-uniform", "kaiming-normal",
            "lecun-normal", "orthogonal", "normal", "lsuv");

    private Initializers() { }

    /** Builds a method from {@code name[:options]} for a network with the given activation. */
    public static Initializer create(String text, Activation activation, float leakySlope, BiasInit bias) {
        MethodSpec spec = MethodSpec.parse(text);
        // ---- neuron campaign (ibci and its aliases) and weight files (file:path=...) ----
        Initializer campaign = IbciMethods.create(spec);
        if (campaign != null) return campaign;
        double actGain = Gain.of(activation, leakySlope);
        return switch (spec.name()) {
            case "xavier", "xavier-uniform", "glorot", "glorot-uniform" -> {
                spec.allowOnly(Set.of("gain"));
                double gain = spec.number("gain", 1);
                yield new ClassicInitializer("xavier-uniform", (w, rs) -> uniform(w, rs, gain * Math.sqrt(6.0 / (w.fanIn() + w.fanOut()))), bias);
            }
            case "xavier-normal", "glorot-normal" -> {
                spec.allowOnly(Set.of("gain"));
                double gain = spec.number("gain", 1);
                yield new ClassicInitializer("xavier-normal", (w, rs) -> normal(w, rs, gain * Math.sqrt(2.0 / (w.fanIn() + w.fanOut()))), bias);
            }
            case "kaiming-uniform", "he-uniform" -> {
                spec.allowOnly(Set.of("mode"));
                FanMode mode = FanMode.parse(spec.text("mode", "fan_in"));
                yield new ClassicInitializer("kaiming-uniform", (w, rs) -> uniform(w, rs, Math.sqrt(3.0) * actGain / Math.sqrt(mode.of(w))), bias);
            }
            case "kaiming-normal", "he", "he-normal", "kaiming" -> {
                spec.allowOnly(Set.of("mode"));
                FanMode mode = FanMode.parse(spec.text("mode", "fan_in"));
                yield new ClassicInitializer("kaiming-normal", (w, rs) -> normal(w, rs, actGain / Math.sqrt(mode.of(w))), bias);
            }
            case "lecun-normal", "lecun" -> {
                spec.allowOnly(Set.of());
                yield new ClassicInitializer("lecun-normal", (w, rs) -> normal(w, rs, 1 / Math.sqrt(w.fanIn())), bias);
            }
            case "orthogonal" -> {
                spec.allowOnly(Set.of("gain"));
                yield new ClassicInitializer("orthogonal", new Orthogonal(spec.number("gain", 1)), bias);
            }
            case "normal" -> {
                spec.allowOnly(Set.of("std"));
                double std = spec.number("std", 0.01);
                if (!(std > 0)) throw new IllegalArgumentException("normal:std must be > 0, got " + std);
                yield new ClassicInitializer("normal", (w, rs) -> normal(w, rs, std), bias);
            }
            case "lsuv" -> {
                spec.allowOnly(Set.of("tol", "iters", "after-act", "no-ortho", "pre"));
                boolean noOrtho = spec.flag("no-ortho", false);
                String preName = spec.text("pre", noOrtho ? "xavier" : "orthogonal");
                if (!Set.of("orthogonal", "xavier", "he").contains(preName)) {
                    throw new IllegalArgumentException("lsuv:pre must be orthogonal, xavier or he, got '" + preName + "'");
                }
                if (noOrtho && preName.equals("orthogonal")) throw new IllegalArgumentException("lsuv: no-ortho contradicts pre=orthogonal");
                Initializer pre = create(preName, activation, leakySlope, bias);
                yield new Lsuv(spec.number("tol", 0.1), spec.integer("iters", 10), spec.flag("after-act", false), pre);
            }
            default -> throw new IllegalArgumentException("unknown initialization method '" + spec.name() + "' (choose from "
                    + String.join(", ", NAMES) + ", " + String.join(", ", IbciMethods.NAMES) + ")");
        };
    }

    private static void uniform(Parameter w, RandomStream rs, double bound) {
        w.value().backend().fillUniform(w.value(), rs, (float) -bound, (float) bound);
    }

    private static void normal(Parameter w, RandomStream rs, double std) {
        w.value().backend().fillNormal(w.value(), rs, 0f, (float) std);
    }
}
