package ibinit.info.ib;

import ibinit.backend.Backend;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import ibinit.data.Dataset;

/**
 * The training rows on the backend (features, one-hot labels), and batches gathered from them
 * into reused buffers: features [b, dims], one-hot [b, classes], int32 labels [b].
 */
final class TrainingSet implements AutoCloseable {
    private final Backend backend;
    private final Dataset data;
    private final Tensor x, oneHot;
    private Tensor xb, yb, lb;

    /** A gathered batch, valid until the next {@link #batch} call. */
    record Batch(Tensor x, Tensor oneHot, Tensor labels) { }

    TrainingSet(Backend backend, Dataset data) {
        this.backend = backend;
        this.data = data;
        this.x = backend.fromArray(data.features(), data.size(), data.featureDim());
        float[] hot = new float[data.size() * data.classes()];
        for (int r = 0; r < data.size(); r++) hot[r * data.classes() + data.labels()[r]] = 1f;
        this.oneHot = backend.fromArray(hot, data.size(), data.classes());
    }

    int rows() { return data.size(); }
    int classes() { return data.classes(); }

    Batch batch(int[] rows) {
        int b = rows.length;
        if (xb == null || xb.rows() != b) {
            for (Tensor t : new Tensor[] {xb, yb, lb}) if (t != null) t.close();
            xb = backend.zeros(b, data.featureDim());
            yb = backend.zeros(b, data.classes());
            lb = backend.allocate(Tensor.DType.I32, b);
        }
        backend.gatherRows(x, 0, rows, xb, 0, data.featureDim());
        backend.gatherRows(oneHot, 0, rows, yb, 0, data.classes());
        int[] labels = new int[b];
        for (int i = 0; i < b; i++) labels[i] = data.labels()[rows[i]];
        backend.copyFromArray(labels, lb);
        return new Batch(xb, yb, lb);
    }

    /** Accuracy in percent of {@code net} on {@code d}: argmax of the logits, in chunks of 1000 rows. */
    static double accuracy(Sequential net, Dataset d) {
        Backend b = net.backend();
        int right = 0, chunk = 1000;
        for (int start = 0; start < d.size(); start += chunk) {
            int n = Math.min(chunk, d.size() - start);
            float[] part = java.util.Arrays.copyOfRange(d.features(), start * d.featureDim(), (start + n) * d.featureDim());
            try (Tensor xs = b.fromArray(part, n, d.featureDim())) {
                Tensor logits = net.forward(xs);
                float[] v = b.toFloatArray(logits);
                int c = logits.cols();
                for (int r = 0; r < n; r++) {
                    int best = 0;
                    for (int k = 1; k < c; k++) if (v[r * c + k] > v[r * c + best]) best = k;
                    if (best == d.labels()[start + r] && !Float.isNaN(v[r * c + best])) right++;
                }
            }
        }
        return 100.0 * right / d.size();
    }

    @Override
    public void close() {
        x.close();
        oneHot.close();
        for (Tensor t : new Tensor[] {xb, yb, lb}) if (t != null) t.close();
    }
}
