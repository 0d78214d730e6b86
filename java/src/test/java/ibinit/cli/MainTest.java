package ibinit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aBadOptionIsOneLineASuggestionAndAPointerToHelp() {
        Result r = run("selfcheck", "--sise", "3");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("ibinit: "), r.err());
        assertTrue(r.err().contains("did you mean --size?"), r.err());
        assertFalse(r.err().contains("Usage:"), r.err());
        assertTrue(r.err().lines().count() <= 5, r.err());
    }

    @Test
    void helpTextsListEveryMethodShowTheConvSyntaxAndNoRawLabels() {
        for (String command : new String[] {"train", "compare", "init", "infoplane", "ib-train"}) {
            Result r = run(command, "--help");
            assertEquals(0, r.code());
            String help = r.out().replaceAll("\\s+", " ");
            for (String name : ibinit.init.Initializers.names()) assertTrue(help.contains(name), command + " --help lacks " + name);
            assertTrue(help.replace(" ", "").contains("cNkK[sS][pP]"), command + ": conv syntax"); // picocli may wrap inside it
            assertFalse(help.matches("(?s).*=<[a-zA-Z]+>.*"), command + ": a raw picocli label");
            assertFalse(help.contains("shared/"), command + " points at a file users do not have");
            assertFalse(help.matches("(?s).*[0-9]\\.[0-9]E-?[0-9].*"), command + ": a number printed as 1.0E-4");
        }
    }

    @Test
    void everyCommandAnswersAMistypedOptionInAtMostFiveLinesWithASuggestion() {
        String[][] cases = {{"train", "--epoch", "1", "--epochs"}, {"compare", "--seed", "1", "--seeds"}, {"init", "--method", "ibci", "--init"},
            {"infoplane", "--estimater", "kde-upper", "--estimator"}, {"ib-train", "--iteration", "3", "--iterations"},
            {"selfcheck", "--sise", "3", "--size"}};
        for (String[] c : cases) {
            Result r = run(c[0], c[1], c[2]);
            assertEquals(2, r.code(), String.join(" ", c) + "\n" + r.err());
            assertTrue(r.err().lines().count() <= 5, r.err());
            assertTrue(r.err().contains(c[3]), "suggests " + c[3] + ": " + r.err());
            assertFalse(r.err().contains("Usage:"), r.err());
            assertTrue(r.out().isEmpty(), r.out());
        }
    }

    @Test
    void aBadValueIsReportedWithoutAStackTrace() {
        Result r = run("selfcheck", "--size", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--size must be between"), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
    }

    @Test
    void selfcheckPassesOnEveryAvailableBackend() {
        Result r = run("selfcheck", "--size", "67");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("selfcheck passed"), r.out());
    }
}
