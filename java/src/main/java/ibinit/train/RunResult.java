package ibinit.train;

import java.util.List;

/**
 * A finished run as saved to JSON: its description, how it ended, the minimum test error (percent)
 * with its epoch (from 1), the per-epoch history, what was built (network, optimizer, data), timings
 * in seconds, provenance, and what the initialization method reports about itself (null for most;
 * GradInit and NIO give their steps and learned scales, {@link ibinit.init.Initializer#report()}).
 */
public record RunResult(RunSpec run, RunStatus status, String detail, double bestError, int bestEpoch,
                        List<EpochStats> history, String network, long parameters, String optimizer,
                        String data, Timings timings, Provenance provenance, Object init) {

    /** A result without an initialization report. */
    public RunResult(RunSpec run, RunStatus status, String detail, double bestError, int bestEpoch,
                     List<EpochStats> history, String network, long parameters, String optimizer,
                     String data, Timings timings, Provenance provenance) {
        this(run, status, detail, bestError, bestEpoch, history, network, parameters, optimizer, data, timings, provenance, null);
    }

    /** Seconds spent loading data (0 when cached), building and initializing the network, training, in all. */
    public record Timings(double dataSeconds, double initSeconds, double trainSeconds, double totalSeconds) { }

    public RunResult {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Completed and diverged runs are final (the same description would end the same way); others are run again on --resume. */
    public boolean isFinal() { return status == RunStatus.COMPLETED || status == RunStatus.DIVERGED; }
}
