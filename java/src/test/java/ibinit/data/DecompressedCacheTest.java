package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecompressedCacheTest {
    @TempDir Path dir;
    private Path cache;

    @BeforeEach
    void useTemporaryCache() {
        cache = dir.resolve("cache");
        System.setProperty(DecompressedCache.PROPERTY, cache.toString());
    }

    @AfterEach
    void restore() { System.clearProperty(DecompressedCache.PROPERTY); }

    private static byte[] pixels(int count, int salt) {
        byte[] px = new byte[count * 4];
        for (int i = 0; i < px.length; i++) px[i] = (byte) (i * 31 + salt);
        return px;
    }

    private Path gz(String name, int salt) throws IOException {
        return IdxFiles.write(dir.resolve(name), IdxFiles.idx(new int[] {5, 2, 2}, pixels(5, salt)), true);
    }

    private Copies copies() throws IOException {
        try (Stream<Path> s = Files.list(cache.resolve("data"))) { return new Copies(s.toList()); }
    }

    private record Copies(java.util.List<Path> paths) { }

    @Test
    void aGzipFileIsReadThroughAPlainCopyGivingTheSameArray() throws IOException {
        Path file = gz("images.gz", 3);
        IdxArray direct = IdxReader.read(file);
        IdxArray cached = IdxReader.readCached(file);
        assertArrayEquals(direct.dims(), cached.dims());
        for (int i = 0; i < 20; i++) assertEquals(direct.unsigned(i), cached.unsigned(i));
        assertEquals(1, copies().paths().size());
        Path copy = copies().paths().get(0);
        assertArrayEquals(IdxFiles.idx(new int[] {5, 2, 2}, pixels(5, 3)), Files.readAllBytes(copy), "the copy is the decompressed file");
        assertEquals(Optional.of(copy), DecompressedCache.plainCopyOf(file), "a second read reuses the copy");
    }

    @Test
    void aChangedSourceGetsItsOwnCopy() throws IOException {
        Path file = gz("images.gz", 3);
        IdxReader.readCached(file);
        gz("images.gz", 9); // same name, new content
        IdxArray cached = IdxReader.readCached(file);
        assertEquals(pixels(5, 9)[7] & 0xff, cached.unsigned(7));
        assertEquals(2, copies().paths().size());
    }

    @Test
    void aDamagedCopyIsDroppedAndTheSourceRead() throws IOException {
        Path file = gz("images.gz", 3);
        Path copy = DecompressedCache.plainCopyOf(file).orElseThrow();
        Files.write(copy, new byte[] {0, 0, 8, 3, 0}); // cut short
        IdxArray read = IdxReader.readCached(file);
        assertEquals(pixels(5, 3)[11] & 0xff, read.unsigned(11));
        assertFalse(Files.exists(copy), "the damaged copy is gone");
    }

    @Test
    void plainFilesAndACacheSwitchedOffAreReadDirectly() throws IOException {
        Path plain = IdxFiles.write(dir.resolve("plain"), IdxFiles.idx(new int[] {5, 2, 2}, pixels(5, 1)), false);
        assertTrue(DecompressedCache.plainCopyOf(plain).isEmpty());
        System.setProperty(DecompressedCache.PROPERTY, "off");
        Path file = gz("images.gz", 3);
        assertTrue(DecompressedCache.plainCopyOf(file).isEmpty());
        assertEquals(pixels(5, 3)[2] & 0xff, IdxReader.readCached(file).unsigned(2));
    }

    @Test
    void anUnusableCacheFolderOnlyCostsTime() throws IOException {
        Path blocker = Files.writeString(dir.resolve("a-file"), "not a folder");
        System.setProperty(DecompressedCache.PROPERTY, blocker.resolve("sub").toString());
        Path file = gz("images.gz", 3);
        assertTrue(DecompressedCache.plainCopyOf(file).isEmpty());
        assertEquals(pixels(5, 3)[4] & 0xff, IdxReader.readCached(file).unsigned(4));
    }

    @Test
    void aCorruptSourceIsReportedUnderItsOwnName() throws IOException {
        byte[] bytes = Files.readAllBytes(gz("images.gz", 3));
        Path cut = Files.write(dir.resolve("cut.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        DatasetException e = org.junit.jupiter.api.Assertions.assertThrows(DatasetException.class, () -> IdxReader.readCached(cut));
        assertTrue(e.getMessage().contains("cut.gz"), e.getMessage());
    }
}
