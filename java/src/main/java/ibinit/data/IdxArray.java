package ibinit.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The contents of one IDX file of unsigned bytes: its dimensions (first = item count) and the
 * payload in row-major order. Arrays are shared, not copied: an IDX image file is ~47 MB.
 */
public record IdxArray(int[] dims, byte[] data) {
    public IdxArray {
        if (dims.length == 0) throw new IllegalArgumentException("an IDX array has at least one dimension");
        long product = 1;
        for (int d : dims) product *= d;
        if (product != data.length) {
            throw new IllegalArgumentException("dims " + shapeText(dims) + " need " + product + " bytes, got " + data.length);
        }
    }

    /** Number of items (the first dimension). */
    public int count() { return dims[0]; }

    /** Bytes per item: the product of all dimensions but the first. */
    public int itemSize() {
        int size = 1;
        for (int i = 1; i < dims.length; i++) size *= dims[i];
        return size;
    }

    /** Element {@code i} of the payload as 0..255. */
    public int unsigned(int i) { return data[i] & 0xff; }

    /** Dimensions written as the error messages write them, e.g. {@code 10000x28x28}. */
    static String shapeText(int[] dims) {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("x"));
    }

    @Override public String toString() { return "IdxArray[" + shapeText(dims) + "]"; }
}
