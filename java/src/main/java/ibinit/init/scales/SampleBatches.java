package ibinit.init.scales;

import ibinit.backend.Backend;
import ibinit.tensor.Tensor;

/**
 * Batches for GradInit and NIO from the initialization sample: consecutive rows, wrapping at its
 * end (the sample is already a seeded permutation of the training set), gathered on the backend.
 */
final class SampleBatches {
    private final Backend backend;
    private final Tensor sample;
    private final int[] labels;
    private int cursor;

    SampleBatches(Tensor sample, Tensor sampleLabels) {
        if (sample == null || sampleLabels == null) throw new IllegalArgumentException("needs a data sample to initialize from");
        this.backend = sample.backend();
        this.sample = sample.rank() == 2 ? sample : sample.view(sample.rows(), sample.cols());
        this.labels = backend.toIntArray(sampleLabels);
    }

    int size() { return labels.length; }

    /** The next {@code x.rows()} rows into x and their labels into y (int32, same row count). */
    void next(Tensor x, Tensor y) {
        int[] rows = new int[x.rows()];
        for (int i = 0; i < rows.length; i++) rows[i] = (cursor + i) % labels.length;
        cursor = (cursor + rows.length) % labels.length;
        gather(rows, x, y);
    }

    void gather(int[] rows, Tensor x, Tensor y) {
        backend.gatherRows(sample, 0, rows, x, 0, sample.cols());
        int[] picked = new int[rows.length];
        for (int i = 0; i < rows.length; i++) picked[i] = labels[rows[i]];
        backend.copyFromArray(picked, y);
    }
}
