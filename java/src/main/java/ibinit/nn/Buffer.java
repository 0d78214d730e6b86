package ibinit.nn;

import ibinit.backend.Backend;
import ibinit.tensor.Tensor;
import ibinit.tensor.Tensor.DType;
import java.util.Arrays;

/**
 * A reusable per-batch buffer: allocated for the largest batch asked so far, handed out as its
 * first rows for smaller ones, so a training loop allocates nothing per step.
 */
final class Buffer implements AutoCloseable {
    private final Backend backend;
    private final DType dtype;
    private Tensor full;

    Buffer(Backend backend) { this(backend, DType.F32); }

    /** A buffer of another element type (int32 for max-pool winners). */
    Buffer(Backend backend, DType dtype) {
        this.backend = backend;
        this.dtype = dtype;
    }

    /** A tensor of shape [batch, sampleShape...]; contents are whatever the last use left. */
    Tensor get(int batch, int[] sampleShape) {
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = batch;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        if (full != null && full.dim(0) >= batch && Arrays.equals(tail(full.shape()), sampleShape)) {
            return batch == full.dim(0) ? full : full.firstRows(batch);
        }
        if (full != null) full.close();
        full = backend.allocate(dtype, shape);
        return full;
    }

    /** A tensor shaped like {@code t} ([batch, sample...]). */
    Tensor like(Tensor t) { return get(t.dim(0), tail(t.shape())); }

    private static int[] tail(int[] shape) { return Arrays.copyOfRange(shape, 1, shape.length); }

    @Override
    public void close() {
        if (full != null) full.close();
        full = null;
    }
}
