package ibinit.train;

import java.util.function.BooleanSupplier;

/** Runs one {@link RunSpec} to its {@link RunResult} (the experiment layer's supervised-training use case). */
@FunctionalInterface
public interface RunTask {
    RunResult run(RunSpec spec, TrainingListener listener, BooleanSupplier stopRequested);
}
