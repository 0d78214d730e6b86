package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code npy:PATH} on files NumPy itself wrote (test resources, made by make-fixtures.py there:
 * x[i, j] = i + j / 8, y[i] = i mod 3) and on broken copies of them.
 */
class NpyDatasetsTest {
    static final int N = 6, D = 4;
    @TempDir Path dir;

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = NpyDatasetsTest.class.getResourceAsStream("numpy/" + name)) {
            return in.readAllBytes();
        }
    }

    Path copy(String name, String as) throws IOException {
        return Files.write(dir.resolve(as), fixture(name));
    }

    static float[] expectedX() {
        float[] x = new float[N * D];
        for (int i = 0; i < N; i++) for (int j = 0; j < D; j++) x[i * D + j] = i + j / 8f;
        return x;
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.npy", "x_f8.npy", "x_fortran.npy", "x_big.npy"})
    void everyFloatLayoutNumpyWritesGivesTheSameRows(String file) throws IOException {
        NpyArray a = NpyReader.parse(fixture(file), file);
        assertArrayEquals(new int[] {N, D}, a.shape());
        assertArrayEquals(expectedX(), a.features(true));
    }

    @Test
    void folderWithoutTestArraysHoldsOutAStratifiedFifth() throws IOException {
        copy("x.npy", "x.npy");
        copy("y.npy", "y.npy");
        DataSplit s = Datasets.load("npy:" + dir, DataOptions.of("seed", "3"));
        assertEquals(3, s.train().classes());
        assertEquals(N - 1, s.train().size());
        assertEquals(1, s.test().size());
        assertEquals(D, s.train().featureDim());
        assertNull(s.train().imageShape());
        // every row keeps its label: row with first feature i has label i mod 3
        for (Dataset part : new Dataset[] {s.train(), s.test()}) {
            for (int r = 0; r < part.size(); r++) assertEquals((int) part.row(r)[0] % 3, part.labels()[r]);
        }
        assertTrue(s.description().contains("1 of 6 examples held out"), s.description());
        DataSplit again = Datasets.load("npy:" + dir, DataOptions.of("seed", "3", "testSize", "3"));
        assertEquals(3, again.test().size());
        assertArrayEquals(new int[] {1, 1, 1}, again.test().classCounts(), "stratified: one of each class");
    }

    @Test
    void storedAndDeflatedNpzAreRead() throws IOException {
        DataSplit stored = Datasets.load("npy:" + copy("stored.npz", "s.npz"), DataOptions.defaults());
        assertEquals(N - 1, stored.train().size());
        DataSplit deflated = Datasets.load("npy:" + copy("deflated.npz", "d.npz"), DataOptions.defaults());
        assertEquals(N, deflated.train().size(), "x_test, y_test are the test set; nothing held out");
        assertArrayEquals(expectedX(), deflated.train().features());
        assertArrayEquals(Arrays.copyOf(expectedX(), 3 * D), deflated.test().features());
        assertArrayEquals(new int[] {0, 1, 2}, deflated.test().labels());
    }

    @Test
    void uint8ImagesAreScaledAndKeepTheirShape() throws IOException {
        copy("x_u1.npy", "x.npy");
        copy("y_u1.npy", "y.npy");
        Dataset unit = Datasets.load("npy:" + dir, DataOptions.defaults()).train();
        assertArrayEquals(new int[] {1, 2, 2}, unit.imageShape());
        Dataset raw = Datasets.load("npy:" + dir, DataOptions.of("scale", "none")).train();
        for (int i = 0; i < raw.features().length; i++) assertEquals(raw.features()[i] / 255f, unit.features()[i]);
        assertEquals(0, Datasets.load("npy:" + dir, DataOptions.of("scale", "none")).train().features().length % 4);
    }

    @Test
    void truncatedFileIsNamed() throws IOException {
        byte[] full = fixture("x.npy");
        Path x = Files.write(dir.resolve("x.npy"), Arrays.copyOf(full, full.length - 46));
        copy("y.npy", "y.npy");
        assertEquals(x + ": truncated: header promises 6x4 <f4 = 96 data bytes, found 50", message("npy:" + dir));
        Files.write(x, Arrays.copyOf(full, 7));
        assertEquals(x + ": not a .npy file (it does not start with \\x93NUMPY); it has only 7 bytes", message("npy:" + dir));
    }

    @Test
    void truncatedNpzIsNamed() throws IOException {
        byte[] full = fixture("deflated.npz");
        Path z = Files.write(dir.resolve("d.npz"), Arrays.copyOf(full, full.length / 2));
        String m = message("npy:" + z);
        assertTrue(m.startsWith(z + ": not a readable .npz (zip) archive, or a truncated one"), m);
    }

    @Test
    void wrongDtypesAreNamed() throws IOException {
        copy("x.npy", "x.npy");
        Path y = copy("y_float.npy", "y.npy");
        assertEquals(y + ": dtype '<f4' cannot hold class labels; use an integer dtype (int64, int32, uint8, ...)", message("npy:" + dir));
        copy("y.npy", "y.npy");
        Path x = Files.write(dir.resolve("x.npy"), npy("<c8", "(6, 4)", new byte[6 * 4 * 8]));
        assertEquals(x + ": dtype '<c8' is not supported; use float32, float64, uint8 or an integer type for labels", message("npy:" + dir));
        Files.write(x, npy("<i4", "(6, 4)", new byte[6 * 4 * 4]));
        assertEquals(x + ": dtype '<i4' is not supported for features; use float32, float64 or uint8", message("npy:" + dir));
    }

    @Test
    void labelCountMismatchNamesBothFiles() throws IOException {
        Path x = copy("x.npy", "x.npy");
        ByteBuffer five = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 5; i++) five.putLong(i % 2);
        Path y = Files.write(dir.resolve("y.npy"), npy("<i8", "(5,)", five.array()));
        assertEquals(y + ": 5 labels for 6 rows in " + x, message("npy:" + dir));
    }

    @Test
    void missingArrayAndNegativeLabelAreNamed() throws IOException {
        copy("x.npy", "x.npy");
        assertTrue(message("npy:" + dir).endsWith(": no array y"), message("npy:" + dir));
        ByteBuffer neg = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 6; i++) neg.putLong(i == 4 ? -1 : 1);
        Path y = Files.write(dir.resolve("y.npy"), npy("<i8", "(6,)", neg.array()));
        assertEquals(y + ": label -1 at index 4 is negative; labels are class indices 0..K-1", message("npy:" + dir));
    }

    static String message(String name) {
        return assertThrows(DatasetException.class, () -> Datasets.load(name, DataOptions.defaults())).getMessage();
    }

    /** A version-1 .npy file written as NumPy does: header padded with spaces to a multiple of 64, ending in a newline. */
    static byte[] npy(String descr, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return b.array();
    }
}
