package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    @TempDir Path dir;

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    private String messageFor(Path file) {
        return assertThrows(DatasetException.class, () -> IdxReader.read(file)).getMessage();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void roundTripsImagesAndLabels(boolean gzip) throws IOException {
        byte[] px = randomBytes(5 * 3 * 4, 1);
        Path f = IdxFiles.write(dir.resolve("images"), IdxFiles.idx(new int[] {5, 3, 4}, px), gzip);
        IdxArray a = IdxReader.read(f);
        assertArrayEquals(new int[] {5, 3, 4}, a.dims());
        assertArrayEquals(px, a.data());
        assertEquals(5, a.count());
        assertEquals(12, a.itemSize());

        byte[] labels = {9, 0, (byte) 255, 3};
        IdxArray l = IdxReader.read(IdxFiles.write(dir.resolve("labels"), IdxFiles.idx(new int[] {4}, labels), gzip));
        assertArrayEquals(labels, l.data());
        assertEquals(255, l.unsigned(2));
    }

    @Test
    void detectsCompressionFromContentNotName() throws IOException {
        byte[] bytes = IdxFiles.idx(new int[] {2, 2}, new byte[] {1, 2, 3, 4});
        Path gzNamedPlain = IdxFiles.write(dir.resolve("plain.gz"), bytes, false);
        Path plainNamedGz = IdxFiles.write(dir.resolve("compressed.idx"), bytes, true);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, IdxReader.read(gzNamedPlain).data());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, IdxReader.read(plainNamedGz).data());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void truncatedPayloadNamesFileAndCounts(boolean gzip) throws IOException {
        byte[] full = IdxFiles.idx(new int[] {10, 28, 28}, new byte[123]);
        Path f = IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte.gz"), full, gzip);
        assertEquals(f + ": truncated: header promises 10x28x28 = 7840 bytes, found 123", messageFor(f));
    }

    @Test
    void truncatedGzipStreamIsReported() throws IOException {
        Path whole = IdxFiles.write(dir.resolve("whole.gz"), IdxFiles.idx(new int[] {100, 10}, randomBytes(1000, 2)), true);
        byte[] gz = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        String m = messageFor(cut);
        assertTrue(m.startsWith(cut + ": truncated gzip stream"), m);
        assertTrue(m.contains("header promises 100x10 = 1000 bytes"), m);
    }

    @Test
    void trailingDataIsAnError() throws IOException {
        byte[] bytes = IdxFiles.idx(new int[] {3}, new byte[] {1, 2, 3, 4, 5});
        Path f = IdxFiles.write(dir.resolve("labels"), bytes, true);
        assertEquals(f + ": trailing data: header promises 3 = 3 bytes, found 2 more after them", messageFor(f));
    }

    @Test
    void badMagicNamesFile() throws IOException {
        Path f = Files.write(dir.resolve("notidx"), "PK\u0003\u0004 a zip, not idx".getBytes());
        String m = messageFor(f);
        assertTrue(m.startsWith(f + ": bad magic 50 4b 03 04"), m);
    }

    @Test
    void unsupportedTypeIsNamed() throws IOException {
        Path f = Files.write(dir.resolve("ints"), new byte[] {0, 0, 0x0C, 1, 0, 0, 0, 1, 0, 0, 0, 0});
        assertEquals(f + ": element type 0x0c (int32) is not supported; only 0x08 (unsigned byte) and 0x0D (float32) are",
                messageFor(f));
    }

    @Test
    void float32IsReadBigEndian() throws IOException {
        float[] v = {1.5f, -2f, 1e-3f, 0f, 7.25f, -0f};
        Path f = IdxFiles.write(dir.resolve("floats"), IdxFiles.idxFloat(new int[] {2, 3}, v), true);
        IdxArray a = IdxReader.read(f);
        assertEquals(IdxReader.TYPE_FLOAT32, a.type());
        assertArrayEquals(new int[] {2, 3}, a.dims());
        for (int i = 0; i < v.length; i++) assertEquals(v[i], a.value(i));
        Path cut = Files.write(dir.resolve("cut"), Arrays.copyOf(IdxFiles.idxFloat(new int[] {2, 3}, v), 12 + 20));
        assertEquals(cut + ": truncated: header promises 2x3 x 4 = 24 bytes, found 20", messageFor(cut));
    }

    @Test
    void zeroDimensionsAndShortHeadersAreRejected() throws IOException {
        Path zero = Files.write(dir.resolve("zero"), new byte[] {0, 0, 8, 0});
        assertEquals(zero + ": header declares 0 dimensions", messageFor(zero));
        Path shortDims = Files.write(dir.resolve("shortdims"), new byte[] {0, 0, 8, 3, 0, 0, 0, 5, 0});
        assertEquals(shortDims + ": truncated header: 3 dimension sizes (12 bytes) expected, found 5 bytes", messageFor(shortDims));
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertEquals(empty + ": empty file: no IDX header", messageFor(empty));
    }

    @Test
    void absurdDimensionsAreRejectedBeforeAllocating() throws IOException {
        Path f = Files.write(dir.resolve("huge"), new byte[] {0, 0, 8, 2, 0x7f, 0, 0, 0, 0x7f, 0, 0, 0});
        assertTrue(messageFor(f).contains("more than a Java array holds"));
    }

    @Test
    void missingFileIsNamed() {
        Path f = dir.resolve("nope.gz");
        assertEquals(f + ": no such file", messageFor(f));
    }
}
