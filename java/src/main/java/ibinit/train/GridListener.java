package ibinit.train;

/** Hears a grid's progress; {@code done} counts runs finished or skipped so far, of {@code total}. */
public interface GridListener {
    GridListener NONE = new GridListener() { };

    default void runSkipped(RunResult saved, int done, int total) { }

    default void runStarted(RunSpec spec, int index, int total) { }

    default void runFinished(RunResult result, int done, int total) { }

    /** A listener for one run's epochs and batches (a progress bar when runs go one at a time). */
    default TrainingListener trainingListener(RunSpec spec, int index, int total) { return TrainingListener.NONE; }
}
