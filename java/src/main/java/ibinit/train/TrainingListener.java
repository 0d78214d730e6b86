package ibinit.train;

/** Hears a training run's progress (progress bars, logs). Epochs and batches count from 1. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() { };

    default void runStarted(int epochs, int batchesPerEpoch) { }

    default void batchFinished(int epoch, int batch, double loss) { }

    default void epochFinished(EpochStats stats, int epochs) { }

    default void runFinished(TrainingOutcome outcome) { }
}
