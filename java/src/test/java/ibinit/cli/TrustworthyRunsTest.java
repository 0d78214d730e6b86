package ibinit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.experiment.InitialWeights;
import ibinit.weights.SafeTensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 (the experiment layer's part) and issue 8's same-weights promise: a checkpoint is never
 * overwritten or resumed under other options; every user mistake is one line and exit 2 before any
 * work, with nothing left in --out; and init and train start from the same weights.
 */
class TrustworthyRunsTest {
    @TempDir Path dir;

    private static String[] with(String[] base, String... more) {
        String[] a = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, a, base.length, more.length);
        return a;
    }

    @Test
    void ibTrainRefusesToOverwriteACheckpointWithoutResume() {
        String[] args = with(IbTrainCommandTest.TINY, "--out", dir.toString());
        assertEquals(0, CliRun.of(args).exit());
        CliRun again = CliRun.of(args);
        assertEquals(2, again.exit(), again.err());
        assertTrue(again.err().contains("already holds a checkpoint at step") && again.err().contains("add --resume"), again.err());
        assertEquals(1, again.err().strip().lines().count(), again.err());
    }

    @Test
    void ibTrainResumeNamesEveryOptionThatDiffers() {
        String[] args = with(IbTrainCommandTest.TINY, "--out", dir.toString());
        assertEquals(0, CliRun.of(args).exit());
        CliRun r = CliRun.of(with(args, "--resume", "--act", "tanh", "--init", "xavier", "--train-fraction", "0.5"));
        assertEquals(2, r.exit(), r.err());
        String e = r.err();
        assertTrue(e.contains("--act relu (now tanh)") && e.contains("--init kaiming-normal (now xavier)")
                && e.contains("--data-option fraction"), e);
        assertEquals(1, e.strip().lines().count(), e);
    }

    @Test
    void mistakesAreCaughtBeforeWorkInEveryCommandAndLeaveNothingBehind() throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "x");
        List<String[]> cases = new ArrayList<>();
        Path out = dir.resolve("out");
        cases.add(TrainCommandTest.args("train", "--arch", "4-8-3", "--init", "xavier:gain=NaN", "--out", out.toString()));
        cases.add(TrainCommandTest.args("compare", "--arch", "4-8-3", "--methods", "he,xavier:gain=NaN", "--out", out.toString()));
        cases.add(TrainCommandTest.args("train", "--arch", "4-8-3", "--init-from", dir.resolve("missing.safetensors").toString(), "--out", out.toString()));
        cases.add(TrainCommandTest.args("train", "--arch", "4-8-3", "--out", blocker.resolve("sub").toString()));
        cases.add(TrainCommandTest.args("train", "--arch", "4-8-3", "--save-init", blocker.resolve("w.safetensors").toString(), "--out", out.toString()));
        cases.add(with(IbTrainCommandTest.TINY, "--init", "xavier:gain=NaN", "--out", out.toString()));
        cases.add(with(IbTrainCommandTest.TINY, "--out", blocker.resolve("sub").toString()));
        cases.add(new String[] {"infoplane", "--epochs", "2", "--init", "normal:std=-1", "--backend", "java", "--out", out.toString()});
        cases.add(new String[] {"init", "--dataset", "synthetic", "--arch", "4-8-3", "--data-option", "dims=4", "--data-option", "classes=3",
            "--init", "lsuv:tol=NaN", "--out", out.toString()});
        for (String[] c : cases) {
            CliRun r = CliRun.of(c);
            assertEquals(2, r.exit(), String.join(" ", c) + "\n" + r.out() + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.out().isEmpty(), r.out());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", c));
        }
    }

    @Test
    void anInvalidOrUnavailableBackendIsAMistakeBeforeWork() {
        Path out = dir.resolve("out");
        String old = System.getProperty("ibinit.backend");
        try {
            System.setProperty("ibinit.backend", "nosuch"); // what IBINIT_BACKEND=nosuch does
            String[] train = TrainCommandTest.args("train", "--arch", "4-8-3", "--out", out.toString());
            train[Arrays.asList(train).indexOf("--backend") + 1] = "auto";
            CliRun r = CliRun.of(train);
            assertEquals(2, r.exit(), r.out() + r.err());
            assertTrue(r.err().contains("nosuch"), r.err());
            assertFalse(Files.exists(out));
            CliRun b = CliRun.of("backends");
            assertEquals(0, b.exit());
            assertTrue(b.out().contains("warning: -Dibinit.backend=nosuch names no backend"), b.out());
            assertTrue(CliRun.of("selfcheck", "--size", "8").err().contains("nosuch"));
        } finally {
            if (old == null) System.clearProperty("ibinit.backend");
            else System.setProperty("ibinit.backend", old);
        }
        if (!ibinit.backend.Backends.probe("cuda").available()) {
            String[] cuda = TrainCommandTest.args("train", "--arch", "4-8-3", "--out", out.toString());
            cuda[Arrays.asList(cuda).indexOf("--backend") + 1] = "cuda";
            CliRun r = CliRun.of(cuda);
            assertEquals(2, r.exit(), r.out() + r.err());
            assertTrue(r.err().contains("backend cuda is unavailable"), r.err());
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void initAndTrainStartFromTheSameWeights() throws Exception {
        for (String method : List.of("lsuv", "kaiming-normal:mode=fan_out", "ibci")) {
            Path initDir = dir.resolve("init-" + method.replace(':', '_')), saved = dir.resolve("train-" + method.replace(':', '_') + ".safetensors");
            String[] data = {"--dataset", "synthetic", "--data-option", "classes=3", "--data-option", "dims=4", "--data-option", "trainSize=150",
                "--data-option", "testSize=90", "--arch", "4-8-3", "--init", method, "--seed", "5", "--init-sample", "60", "--backend", "java"};
            assertEquals(0, CliRun.of(with(with(new String[] {"init"}, data), "--out", initDir.toString())).exit());
            CliRun t = CliRun.of(with(with(new String[] {"train"}, data), "--epochs", "1", "--batch", "32", "--save-init", saved.toString(),
                    "--out", dir.resolve("t-" + method.replace(':', '_')).toString()));
            assertEquals(0, t.exit(), t.err());
            SafeTensors.Contents a = SafeTensors.read(initDir.resolve(InitialWeights.FILE)), b = SafeTensors.read(saved);
            assertEquals(a.tensors().keySet(), b.tensors().keySet());
            for (String name : a.tensors().keySet()) assertArrayEquals(a.tensors().get(name).values(), b.tensors().get(name).values(), method + " " + name);
        }
    }

    @Test
    void minorPoints() throws Exception {
        // compare with one seed prints no spread
        CliRun c = CliRun.of(TrainCommandTest.args("compare", "--arch", "4-8-3", "--methods", "he", "--seeds", "1",
                "--out", dir.resolve("c").toString()));
        assertEquals(0, c.exit(), c.err());
        assertFalse(c.out().contains("±"), c.out());
        // init over an existing file says so
        String[] init = {"init", "--dataset", "synthetic", "--data-option", "dims=4", "--data-option", "classes=3", "--arch", "4-8-3",
            "--init", "he", "--backend", "java", "--out", dir.resolve("i").toString()};
        assertEquals(0, CliRun.of(init).exit());
        CliRun again = CliRun.of(init);
        assertEquals(0, again.exit());
        assertTrue(again.err().contains("replaced the existing"), again.err());
        // a data error is one line, no usage
        CliRun d = CliRun.of(TrainCommandTest.args("train", "--arch", "4-8-3", "--data-option", "classes=x"));
        assertEquals(2, d.exit());
        assertFalse(d.err().contains("Usage"), d.err());
        assertEquals(1, d.err().strip().lines().count(), d.err());
    }
}
