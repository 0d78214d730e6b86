package ibinit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a reader (or a killed process) sees the old content or the new one,
 * never a part: write a temporary file in the same folder, fsync it, rename it over the target
 * with an atomic move, then fsync the folder so the rename itself survives a crash.
 */
public final class AtomicFiles {
    /** Temporary files start with this, so a leftover from a hard kill is easy to spot and to ignore. */
    static final String TEMP_PREFIX = ".tmp-";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private AtomicFiles() { }

    public static void write(Path target, String text) { write(target, text.getBytes(StandardCharsets.UTF_8)); }

    public static void write(Path target, byte[] bytes) {
        write(target, ch -> {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) ch.write(buf);
        });
    }

    /** What streams a file's content into the channel of the temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** Writes {@code content} streamed (a file larger than one array can be written this way). */
    public static void write(Path target, Content content) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            // CREATE_NEW with a random name rather than createTempFile: the file gets the umask's
            // permissions (createTempFile's are owner-only), like any file the user writes.
            temp = dir.resolve(TEMP_PREFIX + target.getFileName() + "-" + Long.toHexString(RANDOM.nextLong()));
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                content.writeTo(ch);
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            syncFolder(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write already failed; that error is the one to report
                }
            }
        }
    }

    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems cannot sync a folder; the rename is still atomic, only less durable.
        }
    }
}
