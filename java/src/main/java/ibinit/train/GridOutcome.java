package ibinit.train;

import java.util.List;

/**
 * What a grid produced: one result per description, in the grid's order (saved results for
 * skipped runs; absent for runs an interruption kept from finishing), and counts.
 */
public record GridOutcome(List<RunResult> results, int executed, int skipped, boolean interrupted) {
    public GridOutcome {
        results = List.copyOf(results);
    }
}
