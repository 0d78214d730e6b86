package ibinit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ib-train end to end on a tiny synthetic set: a result, a checkpoint, and --resume of a finished run. */
class IbTrainCommandTest {
    static final String[] TINY = {"ib-train", "--dataset", "synthetic", "--data-option", "classes=3", "--data-option", "dims=5",
        "--data-option", "trainSize=90", "--data-option", "testSize=30", "--arch", "5-6-4-3", "--iterations", "5", "--critic-steps", "2",
        "--pretrain-steps", "2", "--head-steps", "4", "--batch", "16", "--critic-hidden", "8", "--checkpoint-every", "3", "--backend", "java"};

    @TempDir Path dir;

    @Test
    void tinyRunWritesResultAndCheckpointAndResumes() throws Exception {
        String[] args = java.util.Arrays.copyOf(TINY, TINY.length + 2);
        args[TINY.length] = "--out";
        args[TINY.length + 1] = dir.toString();
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("test accuracy: "), r.out());
        assertTrue(Files.size(dir.resolve(IbTrainCommand.CHECKPOINT)) > 0);
        String result = Files.readString(dir.resolve(IbTrainCommand.RESULT));
        assertTrue(result.contains("\"testAccuracy\"") && result.contains("\"layer 2\""), result);
        String[] again = java.util.Arrays.copyOf(args, args.length + 1);
        again[args.length] = "--resume";
        CliRun resumed = CliRun.of(again);
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("resuming at step 18 of 18"), resumed.err());
    }
}
