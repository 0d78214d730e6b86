package ibinit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.ffm.NativeException;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    record Result(int code, String out, String err) { }

    static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int code = cl.execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void backendsListsEveryBackendAndExitsZero() {
        Result r = run("backends");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("java available"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("cpu available") || l.startsWith("cpu unavailable ")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("cuda available") || l.startsWith("cuda unavailable ")), r.out());
    }

    @Test
    void aBadOptionIsOneLinePlusUsageAndExitTwo() {
        Result r = run("selfcheck", "--sise", "3");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("ibinit: "), r.err());
        assertTrue(r.err().contains("Usage:"), r.err());
    }

    @Test
    void aBadValueIsReportedWithoutAStackTrace() {
        Result r = run("selfcheck", "--size", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--size must be between"), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
    }

    @Test
    void aNativeKernelFailureIsAnInternalErrorWithExitOne() {
        CommandLine cl = Main.commandLine();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int code = Main.onFailure(new NativeException("libibinit_cuda.so", "softmax_xent", 1, "an illegal memory access"), cl);
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, text);
        assertTrue(text.startsWith("ibinit: internal error"), text);
        assertTrue(text.contains("softmax_xent") && text.contains("status 1"), text);
    }

    @Test
    void selfcheckPassesOnEveryAvailableBackend() {
        Result r = run("selfcheck", "--size", "67");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("selfcheck passed"), r.out());
    }
}
