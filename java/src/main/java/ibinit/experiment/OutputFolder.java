package ibinit.experiment;

import ibinit.report.OutputLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place a command's {@code --out} folder is prepared, before any work: created if
 * missing and checked to be writable (a test file is created and deleted). Every command that
 * writes goes through {@link #prepare}, which also takes the exclusive {@link OutputLock} on the
 * folder, held until the process ends (or {@link #releaseAll}), so two processes never mix their
 * files in one folder.
 */
public final class OutputFolder {
    private static final System.Logger LOG = System.getLogger(OutputFolder.class.getName());
    private static final Map<Path, OutputLock> HELD = new ConcurrentHashMap<>();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private OutputFolder() { }

    /** {@code runs/NAME-yyyyMMdd-HHmmss} under the working directory: the default --out. */
    public static Path timestamped(String name) { return Path.of("runs", name + "-" + LocalDateTime.now().format(STAMP)); }

    /**
     * Creates {@code dir} if needed, checks it can be written and locks it for this process;
     * IllegalArgumentException naming --out when it cannot be written or another process holds it.
     * Preparing a folder this process already holds is a no-op.
     */
    public static Path prepare(Path dir) {
        Path d = writable(dir, "--out");
        HELD.computeIfAbsent(d.toAbsolutePath().normalize(), k -> OutputLock.acquire(d, notice -> LOG.log(System.Logger.Level.WARNING, notice)));
        return d;
    }

    /** Releases every folder lock this process holds (the CLI calls it when a command ends). */
    public static void releaseAll() {
        for (var it = HELD.values().iterator(); it.hasNext(); ) {
            OutputLock lock = it.next();
            it.remove();
            lock.close();
        }
    }

    /** Creates {@code dir} if needed and checks it can be written; IllegalArgumentException naming {@code option} otherwise. */
    public static Path writable(Path dir, String option) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".ibinit-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("cannot write " + option + " " + dir + ": " + reason(e));
        }
        return dir;
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file of that name exists";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
