package ibinit.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The contents of one IDX file: its element type ({@link IdxReader#TYPE_UNSIGNED_BYTE} or
 * {@link IdxReader#TYPE_FLOAT32}), its dimensions (first = item count) and the payload bytes in
 * row-major order, as stored (float32 elements big-endian). Arrays are shared, not copied: an IDX
 * image file is ~47 MB.
 */
public record IdxArray(int type, int[] dims, byte[] data) {
    public IdxArray {
        if (dims.length == 0) throw new IllegalArgumentException("an IDX array has at least one dimension");
        long product = elementBytes(type);
        for (int d : dims) product *= d;
        if (product != data.length) {
            throw new IllegalArgumentException("dims " + shapeText(dims) + " of " + IdxReader.typeName(type) + " need "
                    + product + " bytes, got " + data.length);
        }
    }

    /** An array of unsigned bytes. */
    public IdxArray(int[] dims, byte[] data) { this(IdxReader.TYPE_UNSIGNED_BYTE, dims, data); }

    /** Number of items (the first dimension). */
    public int count() { return dims[0]; }

    /** Elements per item: the product of all dimensions but the first. */
    public int itemSize() {
        int size = 1;
        for (int i = 1; i < dims.length; i++) size *= dims[i];
        return size;
    }

    /** Element {@code i} of an unsigned-byte payload as 0..255. */
    public int unsigned(int i) { return data[i] & 0xff; }

    /** Element {@code i} as a float: 0..255 for unsigned bytes, the stored value for float32. */
    public float value(int i) {
        if (type == IdxReader.TYPE_UNSIGNED_BYTE) return data[i] & 0xff;
        int at = 4 * i;
        return Float.intBitsToFloat(((data[at] & 0xff) << 24) | ((data[at + 1] & 0xff) << 16)
                | ((data[at + 2] & 0xff) << 8) | (data[at + 3] & 0xff));
    }

    /** Bytes per element of a supported type. */
    static int elementBytes(int type) {
        return switch (type) {
            case IdxReader.TYPE_UNSIGNED_BYTE -> 1;
            case IdxReader.TYPE_FLOAT32 -> 4;
            default -> throw new IllegalArgumentException("IDX type " + IdxReader.typeName(type) + " is not supported");
        };
    }

    /** Dimensions written as the error messages write them, e.g. {@code 10000x28x28}. */
    static String shapeText(int[] dims) {
        return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("x"));
    }

    @Override public String toString() { return "IdxArray[" + IdxReader.typeName(type) + " " + shapeText(dims) + "]"; }
}
