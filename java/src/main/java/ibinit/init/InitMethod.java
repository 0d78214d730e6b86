package ibinit.init;

import ibinit.backend.Activation;
import java.util.List;

/**
 * One entry of the initialization registry ({@link Initializers#METHODS}): its CLI name, the
 * other names it answers to, its options as the help text shows them, a one-line summary, and the
 * factory that turns a parsed {@code name:key=value} into an {@link Initializer}.
 *
 * @param name    the CLI name, e.g. {@code kaiming-normal}
 * @param aliases other accepted names, e.g. {@code he}
 * @param options the options in help form, e.g. {@code mode=fan_in|fan_out}; empty when none
 * @param summary one line for help texts and the README
 * @param factory builds the method; rejects unknown or bad options with IllegalArgumentException
 * @param optionsRequired whether the options must be given ({@code file:path=FILE}); help shows them without brackets
 */
public record InitMethod(String name, List<String> aliases, String options, String summary, Factory factory, boolean optionsRequired) {
    /** Builds the method from its parsed options for a network with the given settings. */
    @FunctionalInterface
    public interface Factory {
        Initializer create(MethodSpec spec, Settings settings);
    }

    /** What a method may depend on besides its own options: the network's activation and the bias rule. */
    public record Settings(Activation activation, float leakySlope, BiasInit bias) {
        /** The activation's gain (PyTorch's calculate_gain). */
        public double gain() { return Gain.of(activation, leakySlope); }
    }

    public InitMethod {
        aliases = List.copyOf(aliases);
    }

    /** A method whose options are all optional. */
    public InitMethod(String name, List<String> aliases, String options, String summary, Factory factory) {
        this(name, aliases, options, summary, factory, false);
    }

    public boolean answersTo(String n) { return name.equals(n) || aliases.contains(n); }

    /** {@code name[:options]}, as help texts list it. */
    public String usage() { return options.isEmpty() ? name : optionsRequired ? name + ":" + options : name + "[:" + options + "]"; }
}
