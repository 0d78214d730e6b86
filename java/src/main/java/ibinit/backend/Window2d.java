package ibinit.backend;

/**
 * A square sliding window over the h x w planes of an NCHW tensor: side {@code kernel}, step
 * {@code stride}, {@code padding} zeros on every border. Shared by the convolution and pooling
 * ops, their argument checks and the layers, so all agree on the output size.
 */
public record Window2d(int kernel, int stride, int padding) {

    public Window2d {
        if (kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("a window needs kernel >= 1, stride >= 1 and padding >= 0, got kernel "
                    + kernel + ", stride " + stride + ", padding " + padding);
        }
    }

    /** Whether the window fits an axis of {@code in} pixels (with its padding) at least once. */
    public boolean fits(int in) { return (long) in + 2L * padding >= kernel; }

    /** Window positions along an axis of {@code in} pixels: (in + 2 padding - kernel) / stride + 1. */
    public int positions(int in) {
        if (!fits(in)) throw new IllegalArgumentException("a " + this + " does not fit " + in + " pixels");
        return Math.toIntExact(((long) in + 2L * padding - kernel) / stride + 1);
    }

    /** e.g. {@code 3x3 window, stride 1, padding 0}. */
    @Override
    public String toString() { return kernel + "x" + kernel + " window, stride " + stride + ", padding " + padding; }
}
