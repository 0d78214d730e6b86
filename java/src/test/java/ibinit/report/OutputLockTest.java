package ibinit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {
    @TempDir Path dir;

    /** Starts a JVM that locks {@code folder}; returns once it holds the lock. */
    private static Process holder(Path folder) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OutputLockHolder.class.getName(),
                folder.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
        String line = out.readLine();
        assertTrue(line != null && line.equals("locked " + p.pid()), "holder said: " + line);
        return p;
    }

    @Test
    void aSecondProcessIsRefusedWhileTheFirstLives() throws Exception {
        Path out = dir.resolve("out");
        Process first = holder(out);
        try {
            var e = assertThrows(IllegalArgumentException.class, () -> OutputLock.acquire(out, s -> { }));
            assertEquals("output folder " + out + " is in use by process " + first.pid() + " (lock file " + out.resolve(OutputLock.FILE)
                    + "); wait for it to finish or choose another --out", e.getMessage());
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStaleLockOfAKilledProcessIsTakenOverWithANotice() throws Exception {
        Path out = dir.resolve("out");
        Process first = holder(out);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: the file keeps its pid
        assertEquals(Long.toString(first.pid()), Files.readString(out.resolve(OutputLock.FILE)).trim());
        List<String> notices = new ArrayList<>();
        try (OutputLock lock = OutputLock.acquire(out, notices::add)) {
            assertEquals(List.of("output folder " + out + ": taking over the lock left by process " + first.pid()
                    + ", which is no longer running"), notices);
            assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(out.resolve(OutputLock.FILE)).trim());
        }
        assertEquals("", Files.readString(out.resolve(OutputLock.FILE)), "released: the file is emptied");
    }

    @Test
    void oneProcessTakesItAgainOnlyAfterReleasing() {
        Path out = dir.resolve("a").resolve("b");
        OutputLock lock = OutputLock.acquire(out, s -> { throw new AssertionError("no notice expected: " + s); });
        assertTrue(Files.isDirectory(out), "the folder is created");
        var e = assertThrows(IllegalArgumentException.class, () -> OutputLock.acquire(out, s -> { }));
        assertTrue(e.getMessage().contains("is in use by process " + ProcessHandle.current().pid()), e.getMessage());
        lock.close();
        OutputLock.acquire(out, s -> { throw new AssertionError("no notice after a clean release: " + s); }).close();
    }
}
