package ibinit.cli;

import ibinit.train.EpochStats;
import ibinit.train.Trainer;
import ibinit.train.TrainingListener;
import ibinit.train.TrainingOutcome;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line bar redrawn with carriage returns (at most ten times a second): epoch, batch,
 * running loss and the time left for the whole run. Finished epochs stay above it as lines.
 */
public final class ProgressBar implements TrainingListener {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final String prefix;
    private final boolean summaryLine;
    private int epochs;
    private int batches;
    private long started;
    private long lastDraw;
    private int lastLength;

    /** {@code summaryLine}: end with a line saying how the run ended (off when a grid prints its own). */
    public ProgressBar(PrintWriter out, String prefix, boolean summaryLine) {
        this.out = out;
        this.prefix = prefix == null ? "" : prefix;
        this.summaryLine = summaryLine;
    }

    @Override
    public void runStarted(int epochs, int batchesPerEpoch) {
        this.epochs = epochs;
        this.batches = batchesPerEpoch;
        this.started = System.nanoTime();
    }

    @Override
    public void batchFinished(int epoch, int batch, double loss) {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && batch != batches) return;
        lastDraw = now;
        long done = (long) (epoch - 1) * batches + batch;
        long total = (long) epochs * batches;
        double perBatch = (now - started) / 1e9 / done;
        int filled = (int) (WIDTH * (long) batch / batches);
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        draw(String.format(Locale.ROOT, "%sepoch %d/%d [%s] %d/%d loss %.4f ETA %s", prefix, epoch, epochs, bar, batch,
                batches, loss, clock(perBatch * (total - done))));
    }

    @Override
    public void epochFinished(EpochStats s, int epochs) {
        draw(prefix + EpochLines.line(s, epochs));
        out.print('\n');
        lastLength = 0;
        out.flush();
    }

    @Override
    public void runFinished(TrainingOutcome o) {
        if (!summaryLine) {
            draw(""); // wipe a bar left by an early end
            out.print('\r');
            out.flush();
            return;
        }
        draw(prefix + o.detail() + "; min test error " + Trainer.errorAtEpoch(o));
        out.print('\n');
        lastLength = 0;
        out.flush();
    }

    private void draw(String line) {
        // Pad with spaces to wipe the tail of a longer previous line.
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
        out.flush();
    }

    /** e.g. {@code 3:07} or {@code 1:02:03}; {@code --:--} when unknown. */
    public static String clock(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) return "--:--";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
