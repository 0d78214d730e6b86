package ibinit.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The one place a command's {@code --out} folder is prepared, before any work: created if
 * missing and checked to be writable (a test file is created and deleted). Every command that
 * writes goes through {@link #prepare}; the exclusive lock on the folder for the life of the
 * process belongs here too.
 */
public final class OutputFolder {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private OutputFolder() { }

    /** {@code runs/NAME-yyyyMMdd-HHmmss} under the working directory: the default --out. */
    public static Path timestamped(String name) { return Path.of("runs", name + "-" + LocalDateTime.now().format(STAMP)); }

    /** Creates {@code dir} if needed and checks it can be written; IllegalArgumentException naming --out otherwise. */
    public static Path prepare(Path dir) {
        Path d = writable(dir, "--out");
        // (issue 16.7) the folder lock is taken here, for the life of the process
        return d;
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
