package ibinit.info.ib;

import java.util.List;

/**
 * How an IB run ended.
 *
 * @param status        completed, interrupted or diverged
 * @param detail        one line, e.g. {@code interrupted at step 120 of 500; checkpoint saved}
 * @param steps         steps done (the resumable position)
 * @param totalSteps    steps the run has in all
 * @param testAccuracy  percent, after the last step (NaN unless completed)
 * @param trainAccuracy percent on the training rows (NaN unless completed)
 * @param stages        each finished stage with its critics' last moving averages (nats)
 * @param seconds       wall time over every session of the run (resumes add up)
 */
public record IbOutcome(String status, String detail, long steps, long totalSteps, double testAccuracy, double trainAccuracy,
                        List<StageSummary> stages, double seconds) {

    /** A finished stage: {@code layer 1}, {@code head} or {@code network}; I(Y;L) and I(X;L+eps) in nats (NaN when not estimated). */
    public record StageSummary(String stage, double iy, double ix, long steps) { }

    public IbOutcome {
        stages = List.copyOf(stages);
    }

    public boolean completed() { return status.equals("completed"); }
}
