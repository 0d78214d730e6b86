package ibinit.info.plane;

import ibinit.backend.Backend;
import ibinit.tensor.Tensor;

/**
 * The inputs X and labels Y the information plane is measured on, on the backend: features
 * [n, dims], labels as int32 [n] (one symbol per class, for binning and KDE) and as one-hot
 * float rows [n, classes] (for MINE's critic).
 */
public final class MeasurementSet implements AutoCloseable {
    private final Tensor x, labels, oneHot;
    private final int classes;
    private final int[] labelArray;

    public MeasurementSet(Backend backend, float[] features, int dims, int[] labels, int classes) {
        int n = labels.length;
        if ((long) n * dims != features.length) throw new IllegalArgumentException(n + " labels do not match " + features.length + " feature values of width " + dims);
        float[] hot = new float[n * classes];
        for (int r = 0; r < n; r++) hot[r * classes + labels[r]] = 1f;
        this.x = backend.fromArray(features, n, dims);
        this.labels = backend.fromArray(labels, n);
        this.oneHot = backend.fromArray(hot, n, classes);
        this.classes = classes;
        this.labelArray = labels.clone();
    }

    public Tensor x() { return x; }
    public Tensor labels() { return labels; }
    public Tensor oneHot() { return oneHot; }
    public int rows() { return labelArray.length; }
    public int classes() { return classes; }

    /** H(Y) of the measurement labels, in nats: the ceiling of I(T;Y). */
    public double labelEntropy() {
        int[] counts = new int[classes];
        for (int y : labelArray) counts[y]++;
        double h = 0;
        for (int c : counts) if (c > 0) h -= (double) c / rows() * Math.log((double) c / rows());
        return h;
    }

    /** H(X) in nats for distinct inputs: log n, the ceiling of I(X;T). */
    public double inputEntropy() { return Math.log(rows()); }

    @Override
    public void close() {
        x.close();
        labels.close();
        oneHot.close();
    }
}
