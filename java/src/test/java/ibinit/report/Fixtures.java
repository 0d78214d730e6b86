package ibinit.report;

import ibinit.train.EpochStats;
import ibinit.train.OptimizerSpec;
import ibinit.train.Provenance;
import ibinit.train.RunResult;
import ibinit.train.RunSpec;
import ibinit.train.RunStatus;
import ibinit.train.Schedule;
import ibinit.train.TrainingOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made run descriptions and results, so report code is tested without training anything. */
final class Fixtures {
    private Fixtures() { }

    static RunSpec spec(String init, String arch, long seed) {
        return new RunSpec("synthetic", Map.of("trainSize", "200"), arch, "relu", 0.01, init, "zeros", 32,
                new OptimizerSpec("sgd", 0.1, 0.9, false, 0), Schedule.CONSTANT, 3, 32, 0, seed, "java");
    }

    static RunResult result(RunSpec spec, RunStatus status, double... errors) {
        List<EpochStats> h = new ArrayList<>();
        for (int e = 0; e < errors.length; e++) h.add(new EpochStats(e + 1, 0.1, 1.0 / (e + 1), 0.5, errors[e], 0.2, 0.05));
        TrainingOutcome o = TrainingOutcome.of(status, status.label(), h, 1.0);
        return new RunResult(spec, status, o.detail(), o.bestError(), o.bestEpoch(), h, "dense 4->3", 15, "sgd(lr=0.1)",
                "synthetic", new RunResult.Timings(0, 0, 1, 1),
                new Provenance("dev", "unknown", "unknown", "25", "test", "Linux", 2, "java", 1, "threads: 1", "2025-01-01T00:00:00Z",
                        "2025-01-01T00:00:01Z"));
    }
}
