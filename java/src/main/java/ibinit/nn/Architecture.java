package ibinit.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compact architecture syntax: tokens joined by '-'. The first token is the input, either a
 * size ({@code 784}) or a shape {@code CxHxW} ({@code 1x28x28}). Then:
 * <ul>
 *   <li>{@code N}: a dense layer of N units (a flatten is inserted before it when needed);</li>
 *   <li>{@code cNkK[sS][pP]}: a 2-D convolution with N output channels, K x K kernel, stride S
 *       (default 1), zero padding P (default 0);</li>
 *   <li>{@code mpK[sS]}: K x K max-pooling with stride S (default K);</li>
 *   <li>{@code rN[sS]}: a residual block without batch norm ({@link ResidualBlock}): two 3x3
 *       convolutions to N channels, the first with stride S (default 1), each followed by a
 *       learnable scalar bias, an identity skip (a 1x1 projection when the channels or the stride
 *       change), the activation after the sum;</li>
 *   <li>{@code gap}: global average pooling, [C, H, W] -> [C].</li>
 * </ul>
 * The activation follows every dense and conv layer but the last. Examples: {@code 784-512-512-10}
 * (an MLP), {@code 1x28x28-c1k3-c1k3-c1k3-c1k3-10} (the entropic-scoping paper's net: four 3x3
 * convolutions 1->1 channel without padding, 28->20, then dense 400->10).
 */
public record Architecture(String spec, int[] inputShape, List<LayerSpec> layers) {

    /** One layer of the syntax. */
    public sealed interface LayerSpec permits DenseSpec, ConvSpec, PoolSpec, ResidualSpec, GlobalPoolSpec { }

    public record DenseSpec(int units) implements LayerSpec { }

    public record ConvSpec(int channels, int kernel, int stride, int padding) implements LayerSpec { }

    public record PoolSpec(int kernel, int stride) implements LayerSpec { }

    public record ResidualSpec(int channels, int stride) implements LayerSpec { }

    public record GlobalPoolSpec() implements LayerSpec { }

    private static final Pattern CONV = Pattern.compile("c(\\d+)k(\\d+)(?:s(\\d+))?(?:p(\\d+))?");
    private static final Pattern POOL = Pattern.compile("mp(\\d+)(?:s(\\d+))?");
    private static final Pattern RESIDUAL = Pattern.compile("r(\\d+)(?:s(\\d+))?");
    private static final Pattern SHAPE = Pattern.compile("(\\d+)x(\\d+)x(\\d+)");

    public static Architecture parse(String spec) {
        if (spec == null || spec.isBlank()) throw bad(spec, "it is empty");
        String[] tokens = spec.trim().toLowerCase(java.util.Locale.ROOT).split("-");
        if (tokens.length < 2) throw bad(spec, "it needs an input and at least one layer, e.g. 784-10");
        int[] input = parseInput(spec, tokens[0]);
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 1; i < tokens.length; i++) layers.add(parseLayer(spec, tokens[i]));
        if (!(layers.getLast() instanceof DenseSpec)) throw bad(spec, "the last layer must be dense (the class scores)");
        Architecture a = new Architecture(spec.trim(), input, List.copyOf(layers));
        a.checkSizes(); // every layer fits its input, every tensor fits an array
        return a;
    }

    /**
     * The most elements one tensor (a layer's weights, or one sample's activations) may have:
     * what a Java float array holds, which reading and writing weights and moving data need.
     */
    public static final long MAX_TENSOR_ELEMENTS = Integer.MAX_VALUE - 8;

    /** Refuses, before anything is allocated, a network with a tensor larger than {@link #MAX_TENSOR_ELEMENTS}. */
    private void checkSizes() {
        List<int[]> shapes = shapes();
        for (int i = 0; i < layers.size(); i++) {
            long in = ibinit.tensor.Tensor.sizeOf(shapes.get(i)), out = ibinit.tensor.Tensor.sizeOf(shapes.get(i + 1));
            long weights = switch (layers.get(i)) {
                case DenseSpec d -> in * d.units();
                case ConvSpec c -> (long) shapes.get(i)[0] * c.channels() * c.kernel() * c.kernel();
                case PoolSpec p -> 0;
                case ResidualSpec r -> 9L * Math.max(shapes.get(i)[0], r.channels()) * r.channels(); // its larger 3x3 convolution
                case GlobalPoolSpec g -> 0;
            };
            long most = Math.max(weights, out);
            if (most > MAX_TENSOR_ELEMENTS || in > MAX_TENSOR_ELEMENTS) {
                throw bad(spec, "layer " + (i + 1) + " needs a tensor of " + Math.max(most, in) + " values, more than the "
                        + MAX_TENSOR_ELEMENTS + " one tensor can hold");
            }
        }
    }

    private static int[] parseInput(String spec, String t) {
        Matcher m = SHAPE.matcher(t);
        if (m.matches()) {
            int[] s = {positive(spec, m.group(1)), positive(spec, m.group(2)), positive(spec, m.group(3))};
            return s;
        }
        if (t.matches("\\d+")) return new int[] {positive(spec, t)};
        throw bad(spec, "the input '" + t + "' is neither a size (784) nor a shape CxHxW (1x28x28)");
    }

    private static LayerSpec parseLayer(String spec, String t) {
        if (t.matches("\\d+")) return new DenseSpec(positive(spec, t));
        Matcher c = CONV.matcher(t);
        if (c.matches()) {
            return new ConvSpec(positive(spec, c.group(1)), positive(spec, c.group(2)),
                    c.group(3) == null ? 1 : positive(spec, c.group(3)), c.group(4) == null ? 0 : Integer.parseInt(c.group(4)));
        }
        Matcher p = POOL.matcher(t);
        if (p.matches()) {
            int k = positive(spec, p.group(1));
            return new PoolSpec(k, p.group(2) == null ? k : positive(spec, p.group(2)));
        }
        Matcher r = RESIDUAL.matcher(t);
        if (r.matches()) return new ResidualSpec(positive(spec, r.group(1)), r.group(2) == null ? 1 : positive(spec, r.group(2)));
        if (t.equals("gap")) return new GlobalPoolSpec();
        throw bad(spec, "'" + t + "' is not a layer (N, cNkK[sS][pP], mpK[sS], rN[sS] or gap)");
    }

    private static int positive(String spec, String digits) {
        try {
            int v = Integer.parseInt(digits);
            if (v < 1) throw bad(spec, "sizes must be positive, got " + digits);
            return v;
        } catch (NumberFormatException e) {
            throw bad(spec, "'" + digits + "' is too large");
        }
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("bad architecture '" + spec + "': " + why);
    }

    /** The per-sample shape after each layer (index 0 is the input). */
    public List<int[]> shapes() {
        List<int[]> out = new ArrayList<>();
        int[] s = inputShape;
        out.add(s);
        for (LayerSpec l : layers) {
            s = switch (l) {
                case DenseSpec d -> new int[] {d.units()};
                case ConvSpec c -> {
                    if (s.length != 3) throw bad(spec, "a convolution needs a CxHxW input, got " + Arrays.toString(s));
                    int h = (s[1] + 2 * c.padding() - c.kernel()) / c.stride() + 1;
                    int w = (s[2] + 2 * c.padding() - c.kernel()) / c.stride() + 1;
                    if (s[1] + 2 * c.padding() < c.kernel() || s[2] + 2 * c.padding() < c.kernel()) {
                        throw bad(spec, "a " + c.kernel() + "x" + c.kernel() + " kernel does not fit " + Arrays.toString(s));
                    }
                    yield new int[] {c.channels(), h, w};
                }
                case PoolSpec p -> {
                    if (s.length != 3) throw bad(spec, "max-pooling needs a CxHxW input, got " + Arrays.toString(s));
                    if (s[1] < p.kernel() || s[2] < p.kernel()) {
                        throw bad(spec, "a " + p.kernel() + "x" + p.kernel() + " pool does not fit " + Arrays.toString(s));
                    }
                    yield new int[] {s[0], (s[1] - p.kernel()) / p.stride() + 1, (s[2] - p.kernel()) / p.stride() + 1};
                }
                case ResidualSpec r -> {
                    if (s.length != 3) throw bad(spec, "a residual block needs a CxHxW input, got " + Arrays.toString(s));
                    yield new int[] {r.channels(), (s[1] - 1) / r.stride() + 1, (s[2] - 1) / r.stride() + 1};
                }
                case GlobalPoolSpec g -> {
                    if (s.length != 3) throw bad(spec, "global average pooling needs a CxHxW input, got " + Arrays.toString(s));
                    yield new int[] {s[0]};
                }
            };
            out.add(s);
        }
        return out;
    }

    /** Number of input features (the product of the input shape). */
    public int inputSize() { return Math.toIntExact(ibinit.tensor.Tensor.sizeOf(inputShape)); }

    /** Number of classes (units of the last layer). */
    public int outputSize() { return ((DenseSpec) layers.getLast()).units(); }

    @Override
    public String toString() { return spec; }
}
