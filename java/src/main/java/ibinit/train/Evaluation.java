package ibinit.train;

import ibinit.backend.Backend;
import ibinit.data.Dataset;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;

/**
 * Loss and error of a network on a data set: forward only (no gradients), in batches through
 * the same stager as training. The error is misclassified / total in percent, with the predicted
 * class the argmax of the logits computed on the host (the first maximum wins a tie; a row with a
 * NaN logit counts as misclassified). The loss is the mean over all rows, batch means weighted by
 * batch size, summed in double.
 */
public record Evaluation(double loss, double errorPercent, int misclassified, int total) {

    static Evaluation run(Sequential net, Dataset data, BatchStager stager) {
        Backend b = net.backend();
        double lossSum = 0;
        int wrong = 0;
        int n = data.size();
        for (int start = 0; start < n; start += stager.capacity()) {
            int count = Math.min(stager.capacity(), n - start);
            BatchStager.Batch batch = stager.stage(data, null, start, count);
            Tensor logits = net.forward(batch.features());
            lossSum += b.softmaxCrossEntropy(logits, batch.labels(), null) * count;
            float[] values = b.toFloatArray(logits);
            int classes = logits.cols();
            int[] labels = data.labels();
            for (int r = 0; r < count; r++) {
                if (argmax(values, r * classes, classes) != labels[start + r]) wrong++;
            }
        }
        return new Evaluation(lossSum / n, 100.0 * wrong / n, wrong, n);
    }

    /** Index of the largest of {@code v[off .. off+len)}; -1 when any is NaN (so the row counts as wrong). */
    static int argmax(float[] v, int off, int len) {
        int best = 0;
        for (int c = 0; c < len; c++) {
            float x = v[off + c];
            if (Float.isNaN(x)) return -1;
            if (x > v[off + best]) best = c;
        }
        return best;
    }
}
