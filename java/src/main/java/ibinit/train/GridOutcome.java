package ibinit.train;

import java.util.List;

/**
 * What a grid produced: the final results in the grid's order (saved ones for skipped runs;
 * runs an interruption kept from finishing are left out), how many runs this call started
 * ({@code executed}, interrupted ones included), how many it skipped as finished earlier, and
 * whether any run was left unfinished.
 */
public record GridOutcome(List<RunResult> results, int executed, int skipped, boolean interrupted) {
    public GridOutcome {
        results = List.copyOf(results);
    }
}
