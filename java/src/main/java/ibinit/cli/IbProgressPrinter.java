package ibinit.cli;

import ibinit.info.ib.IbOutcome;
import ibinit.info.ib.IbTrainer;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of {@code ib-train}: on a terminal one line redrawn at most ten times a second (stage,
 * step, the critics' bounds, time left), in a log a line every 5% of the steps; a line per
 * finished stage either way.
 */
final class IbProgressPrinter implements IbTrainer.Progress {
    private final PrintWriter err;
    private final boolean redraw = Terminal.stderrIsInteractive();
    private long started, from, lastDraw;
    private int lastLength;

    IbProgressPrinter(PrintWriter err) { this.err = err; }

    @Override
    public void started(long totalSteps, long fromStep) {
        started = System.nanoTime();
        from = fromStep;
        if (fromStep > 0) line("resuming at step " + fromStep + " of " + totalSteps);
    }

    @Override
    public void step(long done, long total, String stage, String status) {
        long now = System.nanoTime();
        double left = (now - started) / 1e9 / Math.max(1, done - from) * (total - done);
        String text = String.format(Locale.ROOT, "step %d/%d %s%s ETA %s", done, total, stage, status.isEmpty() ? "" : " " + status,
                ProgressBar.clock(left));
        if (redraw) {
            if (now - lastDraw < 100_000_000L && done != total) return;
            lastDraw = now;
            err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
            lastLength = text.length();
            err.flush();
        } else if (done == total || done % Math.max(1, total / 20) == 0) {
            line(text);
        }
    }

    @Override
    public void stageFinished(IbOutcome.StageSummary s) {
        line(String.format(Locale.ROOT, "%s done after %d steps: I(Y;L) %s, I(X;L+eps) %s nats", s.stage(), s.steps(), nats(s.iy()), nats(s.ix())));
    }

    private static String nats(double v) { return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v); }

    private void line(String text) {
        if (redraw && lastLength > 0) err.print("\r" + " ".repeat(lastLength) + "\r");
        lastLength = 0;
        err.println(text);
        err.flush();
    }
}
