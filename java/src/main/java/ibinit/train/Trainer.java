package ibinit.train;

import ibinit.backend.Backend;
import ibinit.data.DataSplit;
import ibinit.data.Dataset;
import ibinit.nn.GradientClipping;
import ibinit.nn.Optimizer;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The training loop: for each epoch, set the scheduled learning rate, visit the training rows in
 * the seeded {@link Shuffle} order in mini-batches (forward, softmax cross-entropy, backward,
 * optional clipping, optimizer step), then evaluate on the test set. A NaN or infinite loss ends
 * the run with status {@link RunStatus#DIVERGED} and the epochs finished before it; a stop request
 * (checked before each step) ends it with {@link RunStatus#INTERRUPTED}. Neither throws.
 */
public final class Trainer {
    private Trainer() { }

    public static TrainingOutcome train(Sequential net, Optimizer optimizer, DataSplit data, TrainOptions options,
                                        TrainingListener listener, BooleanSupplier stopRequested) {
        Dataset train = data.train();
        if (train.featureDim() != net.architecture().inputSize()) {
            throw new IllegalArgumentException("network " + net.architecture() + " takes " + net.architecture().inputSize()
                    + " features, the data has " + train.featureDim());
        }
        if (train.classes() > net.architecture().outputSize()) {
            throw new IllegalArgumentException("network " + net.architecture() + " has " + net.architecture().outputSize()
                    + " outputs, the data has " + train.classes() + " classes");
        }
        long started = System.nanoTime();
        Backend b = net.backend();
        int batch = Math.min(options.batchSize(), train.size());
        int batches = (train.size() + batch - 1) / batch;
        double baseRate = optimizer.learningRate();
        List<Parameter> params = net.parameters();
        List<EpochStats> history = new ArrayList<>();
        listener.runStarted(options.epochs(), batches);
        try (BatchStager stager = new BatchStager(b, batch, train.featureDim());
             Tensor gradFull = b.zeros(batch, net.architecture().outputSize())) {
            for (int epoch = 0; epoch < options.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                double rate = options.schedule().rate(baseRate, epoch, options.epochs());
                optimizer.setLearningRate((float) rate);
                int[] order = Shuffle.epochOrder(options.seed(), epoch, train.size());
                double lossSum = 0;
                for (int k = 0; k < batches; k++) {
                    if (stopRequested.getAsBoolean()) {
                        return end(RunStatus.INTERRUPTED, "interrupted in epoch " + (epoch + 1) + " step " + (k + 1),
                                history, started, listener);
                    }
                    int start = k * batch;
                    int count = Math.min(batch, train.size() - start);
                    BatchStager.Batch staged = stager.stage(train, order, start, count);
                    Tensor grad = count == batch ? gradFull : gradFull.firstRows(count);
                    Tensor logits = net.forward(staged.features());
                    double loss = b.softmaxCrossEntropy(logits, staged.labels(), grad);
                    if (!Double.isFinite(loss)) {
                        return end(RunStatus.DIVERGED, "diverged at epoch " + (epoch + 1) + " step " + (k + 1)
                                + ": train loss " + loss, history, started, listener);
                    }
                    net.backward(grad);
                    if (options.clip() > 0) GradientClipping.clip(params, options.clip());
                    optimizer.step(params);
                    lossSum += loss;
                    listener.batchFinished(epoch + 1, k + 1, loss);
                }
                b.synchronize();
                long evalStart = System.nanoTime();
                Evaluation test = Evaluation.run(net, data.test(), stager);
                long evalEnd = System.nanoTime();
                EpochStats stats = new EpochStats(epoch + 1, rate, lossSum / batches, test.loss(), test.errorPercent(),
                        (evalStart - epochStart) / 1e9, (evalEnd - evalStart) / 1e9);
                if (!Double.isFinite(test.loss())) {
                    return end(RunStatus.DIVERGED, "diverged at epoch " + (epoch + 1) + " step " + batches
                            + ": test loss " + test.loss(), history, started, listener);
                }
                history.add(stats);
                listener.epochFinished(stats, options.epochs());
            }
        }
        return end(RunStatus.COMPLETED, "completed " + options.epochs() + " epochs", history, started, listener);
    }

    private static TrainingOutcome end(RunStatus status, String detail, List<EpochStats> history, long started,
                                       TrainingListener listener) {
        TrainingOutcome o = TrainingOutcome.of(status, detail, history, (System.nanoTime() - started) / 1e9);
        listener.runFinished(o);
        return o;
    }

    /** e.g. {@code 12.34 (7)}: the papers' "minimum test error (epoch)". */
    public static String errorAtEpoch(TrainingOutcome o) {
        return o.bestEpoch() == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f (%d)", o.bestError(), o.bestEpoch());
    }
}
