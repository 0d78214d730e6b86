package ibinit.tensor;

import ibinit.backend.Backend;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * A dense row-major array of float32 (or int32 labels) owned by one backend.
 *
 * <p>The memory is a {@link MemorySegment}: readable from Java for the {@code java} and {@code cpu}
 * backends, an opaque device address for {@code cuda}. Use the backend's copy methods to read or
 * write values; {@link #segment()} is for backend implementations. Closing frees the memory; any
 * later use throws {@link IllegalStateException} naming the tensor, never a JVM crash.
 */
public final class Tensor implements AutoCloseable {
    private final Backend backend;
    private final DType dtype;
    private final int[] shape;
    private final long size;
    private final MemorySegment segment;
    private final Runnable release;
    private final Tensor parent;
    private volatile boolean closed;

    /** For backends: wraps memory they allocated; {@code release} frees it once. */
    public Tensor(Backend backend, DType dtype, int[] shape, MemorySegment segment, Runnable release) {
        this(backend, dtype, shape, segment, release, null);
    }

    private Tensor(Backend backend, DType dtype, int[] shape, MemorySegment segment, Runnable release, Tensor parent) {
        this.backend = backend;
        this.dtype = dtype;
        this.shape = shape.clone();
        this.size = sizeOf(this.shape);
        this.segment = segment;
        this.release = release;
        this.parent = parent;
    }

    /** Number of elements of a shape; rejects negative dimensions and overflow. */
    public static long sizeOf(int... shape) {
        if (shape.length == 0) throw new IllegalArgumentException("a tensor needs at least one dimension");
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    public Backend backend() { return backend; }
    public DType dtype() { return dtype; }
    public int rank() { return shape.length; }
    public int dim(int i) { return shape[i]; }
    public int[] shape() { return shape.clone(); }
    public long size() { return size; }
    public long byteSize() { return size * dtype.bytes; }

    /** First dimension; a tensor is read as rows x cols by the row-wise ops. */
    public int rows() { return shape[0]; }

    /** Product of the dimensions after the first (1 for a vector of rank 1). */
    public int cols() { return shape[0] == 0 ? 0 : Math.toIntExact(size / shape[0]); }

    /** The memory, for backends; throws if this tensor (or the one it views) was closed. */
    public MemorySegment segment() {
        checkOpen();
        return segment;
    }

    public boolean isClosed() {
        return closed || (parent != null && parent.isClosed());
    }

    public void checkOpen() {
        if (isClosed()) throw new IllegalStateException("tensor " + describe() + " was used after it was closed");
    }

    /** A tensor over the same memory with another shape of the same size; it does not own the memory. */
    public Tensor view(int... newShape) {
        checkOpen();
        if (sizeOf(newShape) != size) {
            throw new IllegalArgumentException("cannot view " + describe() + " as " + Arrays.toString(newShape)
                    + ": sizes differ");
        }
        return new Tensor(backend, dtype, newShape, segment, () -> { }, this);
    }

    /**
     * The first {@code n} rows (along dimension 0) as a tensor over the same memory, for a last,
     * smaller batch in buffers sized for the full one. It does not own the memory.
     */
    public Tensor firstRows(int n) {
        return slice(0, n);
    }

    /**
     * {@code count} entries along dimension 0 from {@code start} (images of a batch, for per-image
     * GEMMs) as a tensor over the same memory, no copy. It does not own the memory.
     */
    public Tensor slice(int start, int count) {
        checkOpen();
        if (start < 0 || count < 0 || start > shape[0] - count) {
            throw new IllegalArgumentException("cannot take " + count + " entries from " + start + " along dimension 0 of "
                    + describe());
        }
        int[] s = shape.clone();
        s[0] = count;
        long stride = shape[0] == 0 ? 0 : size / shape[0] * dtype.bytes;
        return new Tensor(backend, dtype, s, segment.asSlice(start * stride, count * stride), () -> { }, this);
    }

    /** e.g. {@code f32[128x784]}. */
    public String describe() {
        StringBuilder b = new StringBuilder(dtype.label).append('[');
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) b.append('x');
            b.append(shape[i]);
        }
        return b.append(']').toString();
    }

    @Override
    public String toString() { return describe() + "@" + backend.name(); }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        if (parent == null) release.run();
    }

    /** Element types. */
    public enum DType {
        F32(4, "f32"), I32(4, "i32");

        public final int bytes;
        public final String label;

        DType(int bytes, String label) {
            this.bytes = bytes;
            this.label = label;
        }
    }
}
