package ibinit.api;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.init.BiasInit;
import ibinit.init.InitContext;
import ibinit.init.InitMethod;
import ibinit.init.Initializer;
import ibinit.init.Initializers;
import ibinit.init.Lsuv;
import ibinit.init.ibci.Ibci;
import ibinit.nn.Architecture;
import ibinit.nn.Dense;
import ibinit.nn.Layer;
import ibinit.nn.Sequential;
import ibinit.rng.Streams;
import ibinit.tensor.Tensor;

/**
 * Initializes a {@link DenseStack} in place: every weight and bias array is overwritten. Any
 * registered method by its string form ({@code "kaiming-normal"}, {@code "orthogonal:gain=2"},
 * {@code "ibci:base=he"}, as the CLI's {@code --init}), or LSUV and IBCI with typed settings.
 * Data-driven methods look at a {@link Sample}. The numbers are those of {@code ibinit init} for
 * the same architecture, method, seed and sample; they run on the plain-Java reference backend
 * unless another is named ({@code cpu}, {@code cuda}, {@code auto}), which gives the same random
 * draws and, for LSUV and IBCI, results equal up to float rounding.
 *
 * <pre>{@code
 * DenseStack mlp = DenseStack.zeros(Activation.RELU, 784, 100, 10);
 * StackInit.initialize(mlp, "kaiming-normal", 1);                                         // data-free
 * StackInit.lsuv(mlp, Sample.unlabelled(x, 784), LsuvSettings.builder().build(), 1);      // Mishkin and Matas 2016
 * StackInit.ibci(mlp, Sample.of(x, y, 784), IbciSettings.builder().build(), 1);           // Mao et al. 2021
 * }</pre>
 */
public final class StackInit {
    private StackInit() { }

    /** A data-free method by name, e.g. {@code xavier-uniform}, {@code kaiming-normal:mode=fan_out}. */
    public static void initialize(DenseStack stack, String method, long seed) { initialize(stack, method, null, seed, "java"); }

    /** Any method by name; {@code sample} may be null for data-free ones. */
    public static void initialize(DenseStack stack, String method, Sample sample, long seed) { initialize(stack, method, sample, seed, "java"); }

    /** Any method by name on the named backend ({@code java}, {@code cpu}, {@code cuda} or {@code auto}). */
    public static void initialize(DenseStack stack, String method, Sample sample, long seed, String backend) {
        run(stack, Initializers.create(method, settings(stack)), sample, seed, backend);
    }

    /** LSUV on an unlabelled (or labelled) sample. */
    public static void lsuv(DenseStack stack, Sample sample, LsuvSettings s, long seed) {
        Initializer pre = Initializers.create(s.orthonormalStart() ? "orthogonal" : "xavier-uniform", settings(stack));
        run(stack, new Lsuv(s.tolerance(), s.maxIterations(), s.afterActivation(), pre), require(sample, "lsuv"), seed, "java");
    }

    /** IBCI on a labelled sample; labels must lie below the stack's output size (the class count). */
    public static void ibci(DenseStack stack, Sample sample, IbciSettings s, long seed) {
        Sample labelled = require(sample, "ibci");
        if (labelled.y() == null) throw new IllegalArgumentException("ibci needs the sample's labels");
        run(stack, new Ibci(s.options(), "ibci"), labelled, seed, "java");
    }

    private static Sample require(Sample sample, String method) {
        if (sample == null) throw new IllegalArgumentException(method + " needs a data sample");
        return sample;
    }

    private static InitMethod.Settings settings(DenseStack stack) {
        return new InitMethod.Settings(stack.activation(), stack.leakySlope(), BiasInit.ZEROS);
    }

    private static void run(DenseStack stack, Initializer init, Sample sample, long seed, String backend) {
        int[] sizes = stack.sizes();
        if (sample != null && sample.features() != sizes[0]) {
            throw new IllegalArgumentException("the sample has " + sample.features() + " features, the stack's input is " + sizes[0]);
        }
        Architecture arch = Architecture.parse(stack.arch());
        try (Backend b = Backends.openNamed(backend);
             Sequential net = Sequential.build(b, arch, stack.activation(), stack.leakySlope());
             Tensor x = sample == null ? null : b.fromArray(sample.x(), sample.rows(), sample.features());
             Tensor y = sample == null || sample.y() == null ? null : b.fromArray(sample.y(), sample.rows())) {
            init.initialize(net, new InitContext(Streams.networkInit(seed), x, y));
            int l = 0;
            for (Layer layer : net.layers()) {
                if (!(layer instanceof Dense d)) continue;
                System.arraycopy(b.toFloatArray(d.weight().value()), 0, stack.weight(l), 0, stack.weight(l).length);
                System.arraycopy(b.toFloatArray(d.bias().value()), 0, stack.bias(l), 0, stack.bias(l).length);
                l++;
            }
        }
    }
}
