package ibinit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * An exclusive lock on an output folder, held while a command writes into it, so that two
 * processes never mix their files in one folder. The lock is the operating system's lock on
 * {@value #FILE} in the folder (released by the kernel when the process ends, however it ends);
 * the file holds the owner's process id, for the message a second process gets. The file is
 * emptied, not deleted, on release (deleting it would let two later processes lock two different
 * files of the same name). A file still holding a process id when the lock is free was left by a
 * process that died (kill -9, a crash): it is taken over, and {@code notice} says so.
 */
public final class OutputLock implements AutoCloseable {
    public static final String FILE = ".ibinit.lock";
    /** Folders this JVM holds. Checked before the file is opened: on Linux, closing any descriptor
     * of a file drops the process's lock on it, so a refused second attempt must not open it. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    private static IllegalArgumentException inUse(Path folder, String owner) {
        return new IllegalArgumentException("output folder " + folder + " is in use by "
                + (owner.isEmpty() ? "another process" : "process " + owner) + " (lock file " + folder.resolve(FILE)
                + "); wait for it to finish or choose another --out");
    }

    /**
     * Creates {@code folder} if needed and locks it.
     *
     * @throws IllegalArgumentException (a user mistake: one line) when another process, or another
     *         command of this one, holds the lock
     * @throws UncheckedIOException when the folder or the lock file cannot be written
     */
    public static OutputLock acquire(Path folder, Consumer<String> notice) {
        Path file = folder.resolve(FILE);
        Path key = folder.toAbsolutePath().normalize();
        if (!HELD.add(key)) throw inUse(folder, Long.toString(ProcessHandle.current().pid()));
        boolean held = false;
        try {
            OutputLock lock = open(folder, file, key, notice);
            held = true;
            return lock;
        } finally {
            if (!held) HELD.remove(key);
        }
    }

    private static OutputLock open(Path folder, Path file, Path key, Consumer<String> notice) {
        FileChannel ch = null;
        try {
            Files.createDirectories(folder);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            String owner = read(ch);
            if (lock == null) throw inUse(folder, owner);
            long self = ProcessHandle.current().pid();
            if (!owner.isEmpty() && !owner.equals(Long.toString(self))) {
                notice.accept("output folder " + folder + ": taking over the lock left by process " + owner
                        + ", which is no longer running");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
            OutputLock held = new OutputLock(key, ch, lock);
            ch = null; // now owned by held
            return held;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --out " + folder + ": " + e, e);
        } finally {
            if (ch != null) { // failed after opening: nothing is held
                try { ch.close(); } catch (IOException ignored) { /* closing after a failure */ }
            }
        }
    }

    /** The process id recorded in the lock file, or "" when there is none. */
    private static String read(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
    }

    /** Empties the lock file and releases the lock. */
    @Override
    public void close() {
        try (channel) {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the output folder lock: " + e, e);
        } finally {
            HELD.remove(key);
        }
    }
}
