package ibinit.report;

import ibinit.train.RunResult;
import java.util.List;
import java.util.Locale;

/**
 * A grid summary as text: an aligned console table in the papers' Table 1 style, Markdown, and
 * CSV (one row per method x architecture, and one per run).
 */
public final class SummaryTables {
    private SummaryTables() { }

    /** Aligned columns: method, architecture, "mean ± std (mean epoch)", runs, notes. */
    public static String console(GridSummary s) {
        String[] head = {"method", "architecture", "min test error % (epoch)", "runs", "notes"};
        String[][] cells = new String[s.rows().size()][];
        for (int i = 0; i < cells.length; i++) {
            GridSummary.Row r = s.rows().get(i);
            cells[i] = new String[] {r.method(), r.arch(), r.cell(), String.valueOf(r.runs()), r.notes()};
        }
        int[] w = new int[head.length];
        for (int c = 0; c < head.length; c++) {
            w[c] = head[c].length();
            for (String[] row : cells) w[c] = Math.max(w[c], row[c].length());
        }
        StringBuilder b = new StringBuilder();
        appendRow(b, head, w);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < w.length; c++) rule.append(c == 0 ? "" : "  ").append("-".repeat(w[c]));
        b.append(rule.toString().stripTrailing()).append('\n');
        for (String[] row : cells) appendRow(b, row, w);
        return b.toString();
    }

    private static void appendRow(StringBuilder b, String[] row, int[] w) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            line.append(c == 0 ? "" : "  ").append(row[c]).append(" ".repeat(w[c] - row[c].length()));
        }
        b.append(line.toString().stripTrailing()).append('\n');
    }

    public static String markdown(GridSummary s, String title) {
        StringBuilder b = new StringBuilder("# ").append(title).append("\n\n");
        b.append("Minimum test error in percent, mean ± sample std over seeds, with the mean epoch of the minimum in parentheses.\n\n");
        b.append("| method | architecture | min test error % (epoch) | runs | notes |\n|---|---|---|---|---|\n");
        for (GridSummary.Row r : s.rows()) {
            b.append("| ").append(md(r.method())).append(" | ").append(md(r.arch())).append(" | ").append(r.cell())
                    .append(" | ").append(r.runs()).append(" | ").append(r.notes()).append(" |\n");
        }
        return b.toString();
    }

    public static String csv(GridSummary s) {
        StringBuilder b = new StringBuilder("method,arch,runs,counted,diverged,failed,mean_error,std_error,min_error,max_error,mean_epoch\n");
        for (GridSummary.Row r : s.rows()) {
            b.append(csv(r.method())).append(',').append(csv(r.arch())).append(',').append(r.runs()).append(',')
                    .append(r.counted()).append(',').append(r.diverged()).append(',').append(r.failed()).append(',')
                    .append(num(r.meanError())).append(',').append(num(r.stdError())).append(',').append(num(r.minError()))
                    .append(',').append(num(r.maxError())).append(',').append(num(r.meanEpoch())).append('\n');
        }
        return b.toString();
    }

    /** One line per run: its description's main fields, status and "error (epoch)". */
    public static String runsCsv(List<RunResult> results) {
        StringBuilder b = new StringBuilder("method,arch,activation,seed,status,best_error,best_epoch,epochs_run,train_seconds,detail\n");
        for (RunResult r : results) {
            b.append(csv(r.run().method())).append(',').append(csv(r.run().arch())).append(',').append(csv(r.run().activation()))
                    .append(',').append(r.run().seed()).append(',').append(r.status().label()).append(',')
                    .append(num(r.bestError())).append(',').append(r.bestEpoch()).append(',').append(r.history().size())
                    .append(',').append(num(r.timings().trainSeconds())).append(',').append(csv(r.detail())).append('\n');
        }
        return b.toString();
    }

    /** Empty for NaN, so spreadsheets and pandas read a missing value. */
    static String num(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : ""; }

    /** RFC 4180 quoting when a field holds a comma, quote or line break. */
    static String csv(String v) {
        if (v == null) return "";
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static String md(String v) { return v.replace("|", "\\|"); }
}
