package ibinit.cli;

import ibinit.train.EpochStats;
import ibinit.train.RunStatus;
import ibinit.train.TrainingOutcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static final EpochStats E1 = new EpochStats(1, 0.1, 0.9, 0.8, 25.5, 1.0, 0.2);

    @Test
    void barRedrawsInPlaceAndLeavesOneLinePerEpoch() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s), "run ", true);
        bar.runStarted(2, 3);
        bar.batchFinished(1, 3, 0.75); // the last batch of an epoch is always drawn
        bar.epochFinished(E1, 2);
        bar.runFinished(TrainingOutcome.of(RunStatus.COMPLETED, "completed 2 epochs", List.of(E1), 2));
        String out = s.toString();
        assertTrue(out.startsWith("\rrun epoch 1/2 [========================] 3/3 loss 0.7500 ETA "), out);
        String[] lines = out.split("\n");
        assertEquals(2, lines.length, out);
        assertTrue(lines[0].endsWith("run epoch 1/2 lr 0.1000 train loss 0.9000 test loss 0.8000 test error 25.50% (1.2s)"), lines[0]);
        assertTrue(lines[1].contains("completed 2 epochs; min test error 25.50 (1)"), lines[1]);
    }

    @Test
    void gridBarEndsWithoutASummaryLine() {
        StringWriter s = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(s), "", false);
        bar.runStarted(1, 2);
        bar.runFinished(TrainingOutcome.of(RunStatus.COMPLETED, "completed", List.of(), 1));
        assertFalse(s.toString().contains("completed"), s.toString());
    }

    @Test
    void epochLinesForLogs() {
        StringWriter s = new StringWriter();
        EpochLines l = new EpochLines(new PrintWriter(s), "", true);
        l.batchFinished(1, 1, 0.5); // batches are not logged
        l.epochFinished(E1, 2);
        assertEquals("epoch 1/2 lr 0.1000 train loss 0.9000 test loss 0.8000 test error 25.50% (1.2s)\n", s.toString());
    }

    @Test
    void clockReadsMinutesOrHours() {
        assertEquals("0:42", ProgressBar.clock(42));
        assertEquals("2:05", ProgressBar.clock(125));
        assertEquals("1:01:01", ProgressBar.clock(3661));
        assertEquals("--:--", ProgressBar.clock(Double.NaN));
    }
}
