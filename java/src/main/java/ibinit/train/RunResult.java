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

    /**
     * Seconds spent loading data (0 when cached), building and initializing the network, training,
     * in all; and from the launch of {@code bin/ibinit} to this run's first training step (NaN when
     * not started by it; in a grid, later runs count the earlier ones).
     */
    public record Timings(double dataSeconds, double initSeconds, double trainSeconds, double totalSeconds,
                          double processSecondsToFirstStep) {
        public Timings(double dataSeconds, double initSeconds, double trainSeconds, double totalSeconds) {
            this(dataSeconds, initSeconds, trainSeconds, totalSeconds, Double.NaN);
        }

        /**
         * Seconds since {@code bin/ibinit} started, from the wall-clock time it exports as
         * IBINIT_LAUNCHED_AT (seconds since the epoch, microseconds after the point); NaN without it.
         * (The JVM's own process start time is known only to the second.)
         */
        public static double secondsSinceProcessStart() {
            String launched = System.getenv("IBINIT_LAUNCHED_AT");
            if (launched == null) return Double.NaN;
            try {
                java.time.Instant now = java.time.Instant.now();
                double nowSeconds = now.getEpochSecond() + now.getNano() / 1e9;
                return nowSeconds - Double.parseDouble(launched.replace(',', '.'));
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }

    public RunResult {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Completed and diverged runs are final (the same description would end the same way); others are run again on --resume. */
    public boolean isFinal() { return status == RunStatus.COMPLETED || status == RunStatus.DIVERGED; }
}
