package ibinit.api;

import ibinit.backend.Activation;
import ibinit.weights.SafeTensors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A stack of dense layers as plain arrays, the way a training stack holds them: {@code sizes}
 * {@code [in, h1, ..., out]}; layer l has weights {@code weight(l)} in PyTorch's {@code [out, in]}
 * layout ({@code sizes[l+1] x sizes[l]}, row-major) and biases {@code bias(l)}; {@code activation}
 * follows every layer but the last. The arrays are the caller's: {@link StackInit} writes into
 * them in place. Layer l's tensors are named {@code layers.(2l).weight} / {@code .bias}, as
 * PyTorch names them in a module holding {@code layers = nn.Sequential(Linear, ReLU, Linear, ...)}.
 *
 * <pre>{@code
 * DenseStack mlp = DenseStack.zeros(Activation.RELU, 784, 100, 10);      // or wrap(...) your own arrays
 * StackInit.ibci(mlp, Sample.of(x, y, 784), IbciSettings.builder().build(), 1);
 * mlp.saveSafeTensors(Path.of("mlp.safetensors"));                        // model.load_state_dict(load_file(...))
 * }</pre>
 */
public final class DenseStack {
    private final Activation activation;
    private final float leakySlope;
    private final int[] sizes;
    private final List<float[]> weights;
    private final List<float[]> biases;

    private DenseStack(Activation activation, float leakySlope, int[] sizes, List<float[]> weights, List<float[]> biases) {
        if (sizes.length < 2) throw new IllegalArgumentException("a stack needs an input size and at least one layer, got " + Arrays.toString(sizes));
        for (int s : sizes) if (s < 1) throw new IllegalArgumentException("layer sizes must be positive, got " + Arrays.toString(sizes));
        if (weights.size() != sizes.length - 1 || biases.size() != sizes.length - 1) {
            throw new IllegalArgumentException(sizes.length - 1 + " layers need as many weight and bias arrays, got "
                    + weights.size() + " and " + biases.size());
        }
        for (int l = 0; l < weights.size(); l++) {
            WeightArrays.checkLength(weights.get(l), sizes[l + 1], sizes[l]);
            if (biases.get(l).length != sizes[l + 1]) {
                throw new IllegalArgumentException("layer " + l + ": " + biases.get(l).length + " biases for " + sizes[l + 1] + " outputs");
            }
        }
        this.activation = activation;
        this.leakySlope = leakySlope;
        this.sizes = sizes.clone();
        this.weights = List.copyOf(weights);
        this.biases = List.copyOf(biases);
    }

    /** New zero arrays for layers of the given sizes ({@code in, h1, ..., out}). */
    public static DenseStack zeros(Activation activation, int... sizes) {
        List<float[]> w = new ArrayList<>(), b = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            w.add(new float[Math.multiplyExact(sizes[l + 1], sizes[l])]);
            b.add(new float[sizes[l + 1]]);
        }
        return new DenseStack(activation, 0.01f, sizes, w, b);
    }

    /** The caller's own arrays (not copied): {@code weights.get(l)} is {@code [sizes[l+1], sizes[l]]}, {@code biases.get(l)} {@code [sizes[l+1]]}. */
    public static DenseStack wrap(Activation activation, int[] sizes, List<float[]> weights, List<float[]> biases) {
        return new DenseStack(activation, 0.01f, sizes, weights, biases);
    }

    /** The same arrays with leaky-relu's negative slope (default 0.01). */
    public DenseStack withLeakySlope(float slope) { return new DenseStack(activation, slope, sizes, weights, biases); }

    public Activation activation() { return activation; }

    public float leakySlope() { return leakySlope; }

    /** {@code [in, h1, ..., out]} (a copy). */
    public int[] sizes() { return sizes.clone(); }

    /** Number of dense layers. */
    public int layers() { return weights.size(); }

    /** Layer l's weights, {@code [out, in]} row-major; the array itself, not a copy. */
    public float[] weight(int l) { return weights.get(l); }

    /** Layer l's biases; the array itself. */
    public float[] bias(int l) { return biases.get(l); }

    /** The architecture in ibinit's syntax, e.g. {@code 784-100-10}. */
    public String arch() { return Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining("-")); }

    /** The name of layer l's tensors, e.g. {@code layers.2} for the second layer (activations count as layers). */
    public static String layerName(int l) { return "layers." + 2 * l; }

    /**
     * Writes the weights as safetensors (float32, names {@code layers.(2l).weight/bias}), loadable
     * with {@code safetensors.torch.load_file} into a PyTorch module's {@code load_state_dict}.
     */
    public void saveSafeTensors(Path file, Map<String, String> metadata) throws IOException {
        List<SafeTensors.Entry> entries = new ArrayList<>();
        for (int l = 0; l < layers(); l++) {
            entries.add(new SafeTensors.Entry(layerName(l) + ".weight", new int[] {sizes[l + 1], sizes[l]}, weights.get(l)));
            entries.add(new SafeTensors.Entry(layerName(l) + ".bias", new int[] {sizes[l + 1]}, biases.get(l)));
        }
        SafeTensors.write(file, entries, metadata);
    }

    @Override public String toString() { return "DenseStack[" + arch() + ", " + activation.cliName + "]"; }
}
