package ibinit.report;

import ibinit.train.RunResult;
import ibinit.train.RunStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A grid's results by method x architecture (in the order they first appear): over the seeds
 * that finished at least one epoch, the mean and sample standard deviation (n - 1; 0 for one run)
 * of the minimum test error, its min and max, and the mean epoch where the minimum occurred, plus
 * how many runs diverged or failed. A diverged run counts with the best error it reached before
 * diverging, as the papers report "error (epoch)" of what training achieved.
 */
public record GridSummary(List<Row> rows) {

    public record Row(String method, String arch, int runs, int counted, int diverged, int failed, double meanError,
                      double stdError, double minError, double maxError, double meanEpoch) {

        /** e.g. {@code 12.34 ± 0.56 (7.3)}, the Table 1 cell ({@code 12.34 (7.0)} for one run: no spread); "n/a" when no run finished an epoch. */
        public String cell() {
            if (counted == 0) return "n/a";
            if (counted == 1) return String.format(Locale.ROOT, "%.2f (%.1f)", meanError, meanEpoch);
            return String.format(Locale.ROOT, "%.2f ± %.2f (%.1f)", meanError, stdError, meanEpoch);
        }

        /** e.g. {@code 1 diverged, 2 failed}, empty when every run completed. */
        public String notes() {
            List<String> n = new ArrayList<>();
            if (diverged > 0) n.add(diverged + " diverged");
            if (failed > 0) n.add(failed + " failed");
            return String.join(", ", n);
        }
    }

    public static GridSummary of(List<RunResult> results) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) groups.computeIfAbsent(r.run().init() + "\u0000" + r.run().arch(), k -> new ArrayList<>()).add(r);
        List<Row> rows = new ArrayList<>();
        for (List<RunResult> g : groups.values()) rows.add(row(g));
        return new GridSummary(List.copyOf(rows));
    }

    private static Row row(List<RunResult> g) {
        int counted = 0, diverged = 0, failed = 0;
        double sum = 0, sumEpoch = 0, min = Double.NaN, max = Double.NaN;
        for (RunResult r : g) {
            if (r.status() == RunStatus.DIVERGED) diverged++;
            if (r.status() == RunStatus.FAILED) failed++;
            if (r.bestEpoch() < 1 || !Double.isFinite(r.bestError())) continue;
            counted++;
            sum += r.bestError();
            sumEpoch += r.bestEpoch();
            min = Double.isNaN(min) ? r.bestError() : Math.min(min, r.bestError());
            max = Double.isNaN(max) ? r.bestError() : Math.max(max, r.bestError());
        }
        double mean = counted == 0 ? Double.NaN : sum / counted;
        double ss = 0;
        for (RunResult r : g) {
            if (r.bestEpoch() >= 1 && Double.isFinite(r.bestError())) ss += (r.bestError() - mean) * (r.bestError() - mean);
        }
        double std = counted == 0 ? Double.NaN : counted == 1 ? 0 : Math.sqrt(ss / (counted - 1));
        return new Row(g.getFirst().run().init(), g.getFirst().run().arch(), g.size(), counted, diverged, failed, mean, std,
                min, max, counted == 0 ? Double.NaN : sumEpoch / counted);
    }
}
