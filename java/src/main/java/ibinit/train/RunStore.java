package ibinit.train;

import java.util.Optional;

/** Where finished runs are kept (a folder of JSON files, see ibinit.report.JsonRunStore). */
public interface RunStore {
    /** The saved final result for exactly this description, if there is one. */
    Optional<RunResult> finished(RunSpec spec);

    /** Saves a result; must never leave a partial file behind. */
    void save(RunResult result);
}
