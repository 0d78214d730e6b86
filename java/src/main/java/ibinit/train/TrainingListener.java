package ibinit.train;

import java.util.List;

/** Hears a training run's progress (progress bars, logs). Epochs and batches count from 1. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() { };

    default void runStarted(int epochs, int batchesPerEpoch) { }

    default void batchFinished(int epoch, int batch, double loss) { }

    default void epochFinished(EpochStats stats, int epochs) { }

    default void runFinished(TrainingOutcome outcome) { }

    /** One listener that tells each of {@code listeners}, in order (e.g. progress lines and an information-plane recorder). */
    static TrainingListener all(TrainingListener... listeners) {
        List<TrainingListener> ls = List.of(listeners);
        return new TrainingListener() {
            @Override public void runStarted(int epochs, int batches) { ls.forEach(l -> l.runStarted(epochs, batches)); }
            @Override public void batchFinished(int epoch, int batch, double loss) { ls.forEach(l -> l.batchFinished(epoch, batch, loss)); }
            @Override public void epochFinished(EpochStats stats, int epochs) { ls.forEach(l -> l.epochFinished(stats, epochs)); }
            @Override public void runFinished(TrainingOutcome outcome) { ls.forEach(l -> l.runFinished(outcome)); }
        };
    }
}
