package ibinit.train;

import ibinit.backend.Backend;
import ibinit.data.Dataset;
import ibinit.tensor.Tensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Moves mini-batches from Java arrays to the backend without allocating per step: rows are
 * gathered into one off-heap staging buffer (native memory, never moved by the garbage collector,
 * so a backend can copy from it directly), then uploaded with one {@link Backend#upload} into a
 * preallocated [batch, dims] tensor and an int32 [batch] label tensor. A last, smaller batch uses
 * {@link Tensor#firstRows} of the same tensors. On a backend whose tensors live in host memory
 * (the cpu backend) the rows are gathered straight into the tensors instead: no staging buffer,
 * no second copy.
 */
final class BatchStager implements AutoCloseable {
    /** A staged batch: views valid until the next {@link #stage} call. */
    record Batch(Tensor features, Tensor labels, int rows) { }

    private final Backend backend;
    private final int capacity;
    private final int dims;
    private final Arena arena;
    private final MemorySegment hostFeatures;
    private final MemorySegment hostLabels;
    private final Tensor features;
    private final Tensor labels;
    /** Whether rows go straight into the tensors' host memory (then the staging buffers are the tensors). */
    private final boolean direct;

    BatchStager(Backend backend, int capacity, int dims) {
        this.backend = backend;
        this.capacity = capacity;
        this.dims = dims;
        this.arena = Arena.ofShared();
        try {
            this.features = backend.zeros(capacity, dims);
            this.labels = backend.allocate(Tensor.DType.I32, capacity);
            var featureMemory = backend.hostMemory(features);
            var labelMemory = backend.hostMemory(labels);
            this.direct = featureMemory.isPresent() && labelMemory.isPresent();
            this.hostFeatures = direct ? featureMemory.get() : arena.allocate((long) capacity * dims * Float.BYTES, 64);
            this.hostLabels = direct ? labelMemory.get() : arena.allocate((long) capacity * Integer.BYTES, 64);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    int capacity() { return capacity; }

    /**
     * Stages rows {@code order[start .. start+count)} of {@code data}; {@code order == null} means
     * rows {@code start .. start+count)} in place (evaluation), copied in one block.
     */
    Batch stage(Dataset data, int[] order, int start, int count) {
        if (count < 1 || count > capacity) throw new IllegalArgumentException("batch of " + count + " rows in a stager for " + capacity);
        float[] f = data.features();
        int[] y = data.labels();
        if (order == null) {
            MemorySegment.copy(f, start * dims, hostFeatures, ValueLayout.JAVA_FLOAT, 0, count * dims);
            MemorySegment.copy(y, start, hostLabels, ValueLayout.JAVA_INT, 0, count);
        } else {
            for (int k = 0; k < count; k++) {
                int row = order[start + k];
                MemorySegment.copy(f, row * dims, hostFeatures, ValueLayout.JAVA_FLOAT, (long) k * dims * Float.BYTES, dims);
                hostLabels.setAtIndex(ValueLayout.JAVA_INT, k, y[row]);
            }
        }
        Tensor x = count == capacity ? features : features.firstRows(count);
        Tensor t = count == capacity ? labels : labels.firstRows(count);
        if (!direct) {
            backend.upload(hostFeatures, 0, x);
            backend.upload(hostLabels, 0, t);
        }
        return new Batch(x, t, count);
    }

    @Override
    public void close() {
        features.close();
        labels.close();
        arena.close();
    }
}
