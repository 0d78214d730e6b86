package ibinit.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.GZIPInputStream;

/**
 * Decompressed copies of gzip-compressed data files in a user cache folder, so that a run reads
 * plain bytes instead of inflating them again (Fashion-MNIST's training images: ~0.15 s of every
 * start). A copy is named after its source's size and CRC-32C, computed from the source on every
 * use (a few ms), so a changed source never meets an old copy. Copies are written to a temporary
 * file and renamed, so a crash leaves no partial copy under the final name.
 *
 * <p>The folder: the system property {@code ibinit.cacheDir}, else the environment variable
 * {@code IBINIT_CACHE_DIR}, else {@code $XDG_CACHE_HOME/ibinit}, else {@code ~/.cache/ibinit};
 * the value {@code off} turns the cache off. Any failure to use it (no space, read-only) only
 * means the source is read directly.
 */
public final class DecompressedCache {
    private static final System.Logger LOG = System.getLogger(DecompressedCache.class.getName());
    static final String PROPERTY = "ibinit.cacheDir";
    static final String ENV = "IBINIT_CACHE_DIR";

    private DecompressedCache() { }

    /** The cache folder, or empty when the cache is off or no home is known. */
    static Optional<Path> folder() {
        ibinit.backend.UserSetting dir = ibinit.backend.UserSetting.read(PROPERTY, ENV);
        if (dir.isSet()) return dir.value().equals("off") ? Optional.empty() : Optional.of(Path.of(dir.value()));
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Optional.of(Path.of(xdg, "ibinit"));
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "ibinit"));
    }

    /**
     * A decompressed copy of {@code source} when it is gzip-compressed and the cache can hold one
     * (made now if missing); empty otherwise, and then the caller reads {@code source} itself.
     */
    static Optional<Path> plainCopyOf(Path source) {
        Optional<Path> folder = folder();
        if (folder.isEmpty()) return Optional.empty();
        try {
            if (!isGzip(source)) return Optional.empty();
            long size = Files.size(source);
            String base = source.getFileName().toString().replaceFirst("(?i)\\.gz$", "");
            Path copy = folder.get().resolve("data").resolve(String.format(Locale.ROOT, "%s-%d-%08x", base, size, crc32c(source)));
            if (Files.isRegularFile(copy)) return Optional.of(copy);
            Files.createDirectories(copy.getParent());
            Path tmp = Files.createTempFile(copy.getParent(), ".partial-" + base, "");
            try {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(source), 1 << 16);
                     OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
                    in.transferTo(out);
                }
                Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            LOG.log(Level.DEBUG, "decompressed {0} to {1}", source, copy);
            return Optional.of(copy);
        } catch (IOException | RuntimeException e) {
            // A corrupt source is reported by the reader of the source itself; a full or read-only
            // cache only costs the time it would have saved.
            LOG.log(Level.DEBUG, "no decompressed copy of {0}: {1}", source, e.toString());
            return Optional.empty();
        }
    }

    /** Drops a copy that failed to parse (e.g. damaged after it was written), so the next run remakes it. */
    static void discard(Path copy) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot remove {0}: {1}", copy, e.toString());
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static long crc32c(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer.clear()) > 0) crc.update(buffer.flip());
        }
        return crc.getValue();
    }
}
