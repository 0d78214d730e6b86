package ibinit.experiment;

import ibinit.init.BiasInit;
import ibinit.init.InitMethod;
import ibinit.init.Initializer;
import ibinit.init.Initializers;

/**
 * How the network starts: a registered method with options ({@code kaiming-normal:mode=fan_out},
 * {@code ibci}, {@code file:path=w.safetensors}, see {@link Initializers#METHODS}), the bias rule
 * ({@code zeros}, {@code pytorch}, {@code const:V}) and the number of training rows data-driven
 * methods see: the first {@code sample} rows of a seeded permutation of the training set
 * ({@link ibinit.train.Shuffle#initSample}); more than the training set means all of it.
 */
public record InitSpec(String method, String bias, int sample) {
    /** The default of --init-sample where a command has no --batch (the default batch size elsewhere). */
    public static final int DEFAULT_SAMPLE = 128;

    public InitSpec {
        if (method == null || method.isBlank()) throw new IllegalArgumentException("--init must name a method");
        if (bias == null) bias = "zeros";
        BiasInit.parse(bias);
        if (sample < 1) throw new IllegalArgumentException("--init-sample must be >= 1, got " + sample);
    }

    /** The method for {@code network}; throws IllegalArgumentException naming a bad name or option. */
    public Initializer initializer(NetworkSpec network) {
        return Initializers.create(method, new InitMethod.Settings(network.act(), (float) network.leakySlope(), BiasInit.parse(bias)));
    }
}
