package ibinit.cli;

import ibinit.train.EpochStats;
import ibinit.train.Trainer;
import ibinit.train.TrainingListener;
import ibinit.train.TrainingOutcome;
import java.io.PrintWriter;
import java.util.Locale;

/** Quiet progress for logs and pipes: one line per epoch, and one when the run ends. */
public final class EpochLines implements TrainingListener {
    private final PrintWriter out;
    private final String prefix;
    private final boolean summaryLine;

    /** {@code summaryLine}: end with a line saying how the run ended (off when a grid prints its own). */
    public EpochLines(PrintWriter out, String prefix, boolean summaryLine) {
        this.out = out;
        this.prefix = prefix == null ? "" : prefix;
        this.summaryLine = summaryLine;
    }

    @Override
    public void epochFinished(EpochStats s, int epochs) {
        out.println(prefix + line(s, epochs));
        out.flush();
    }

    @Override
    public void runFinished(TrainingOutcome o) {
        if (!summaryLine) return;
        out.println(prefix + o.detail() + "; min test error " + Trainer.errorAtEpoch(o));
        out.flush();
    }

    static String line(EpochStats s, int epochs) {
        return String.format(Locale.ROOT, "epoch %d/%d lr %.4g train loss %.4f test loss %.4f test error %.2f%% (%.1fs)",
                s.epoch(), epochs, s.learningRate(), s.trainLoss(), s.testLoss(), s.testError(), s.seconds());
    }
}
