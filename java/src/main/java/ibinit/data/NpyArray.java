package ibinit.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One array from a {@code .npy} file: its dtype ({@code kind} f, i, u or b and {@code itemBytes},
 * byte order), its shape (first = count) and the raw data in row-major (C) order. {@code source}
 * names the file (or {@code archive.npz:x.npy}) for messages.
 */
record NpyArray(String source, String descr, char kind, int itemBytes, ByteOrder order, int[] shape, byte[] data) {
    /** Number of rows (the first dimension). */
    int count() { return shape[0]; }

    /** Elements per row: the product of all dimensions but the first. */
    int rowSize() {
        int size = 1;
        for (int i = 1; i < shape.length; i++) size *= shape[i];
        return size;
    }

    /**
     * The array as features: float32 and float64 as stored (float64 rounded to float), uint8 as
     * 0..255 or, with {@code scaleToUnit}, divided by 255. Other dtypes are a {@link DatasetException}.
     */
    float[] features(boolean scaleToUnit) {
        ByteBuffer b = ByteBuffer.wrap(data).order(order);
        float[] x = new float[data.length / itemBytes];
        if (kind == 'f' && itemBytes == 4) b.asFloatBuffer().get(x);
        else if (kind == 'f' && itemBytes == 8) for (int i = 0; i < x.length; i++) x[i] = (float) b.getDouble(8 * i);
        else if (kind == 'u' && itemBytes == 1) {
            for (int i = 0; i < x.length; i++) x[i] = scaleToUnit ? (data[i] & 0xff) / 255f : data[i] & 0xff;
        } else {
            throw new DatasetException(source + ": dtype '" + descr + "' is not supported for features; use float32, float64 or uint8");
        }
        if (kind == 'f') IdxDatasets.requireFinite(x, rowSize(), source);
        return x;
    }

    /** The array as class labels: a one-dimensional array of any integer dtype whose values fit an int. */
    int[] labels() {
        if (shape.length != 1 && !(shape.length == 2 && shape[1] == 1)) {
            throw new DatasetException(source + ": labels must be one-dimensional (one per row), found shape " + NpyReader.shapeText(shape));
        }
        if (kind != 'i' && kind != 'u') {
            throw new DatasetException(source + ": dtype '" + descr + "' cannot hold class labels; use an integer dtype (int64, int32, uint8, ...)");
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(order);
        int[] y = new int[count()];
        for (int i = 0; i < y.length; i++) {
            long v = switch (itemBytes) {
                case 1 -> kind == 'u' ? data[i] & 0xff : data[i];
                case 2 -> kind == 'u' ? b.getShort(2 * i) & 0xffff : b.getShort(2 * i);
                case 4 -> kind == 'u' ? b.getInt(4 * i) & 0xffffffffL : b.getInt(4 * i);
                default -> b.getLong(8 * i);
            };
            if (kind == 'u' && itemBytes == 8 && v < 0 || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw new DatasetException(source + ": label " + Long.toUnsignedString(v) + " at index " + i + " is not a class index");
            }
            y[i] = (int) v;
        }
        return y;
    }
}
