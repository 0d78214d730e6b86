package ibinit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.data.DataSplit;
import ibinit.data.Dataset;
import ibinit.data.SyntheticMixture;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare and train on a user's own CSV and NumPy files (a data set that is not one of the named ones); bad files in one line. */
class OwnDataTest {
    static final String[] RUN = {"--arch", "4-8-3", "--epochs", "2", "--batch", "16", "--backend", "java"};
    @TempDir Path dir;

    /** 150 rows of a 3-class, 4-feature Gaussian mixture, well separated. */
    static Dataset data() {
        DataSplit s = SyntheticMixture.generate(3, 4, 150, 10, 6.0, 5);
        return s.train();
    }

    @Test
    void compareRunsOnCsvAndNpy() throws IOException {
        Dataset d = data();
        StringBuilder csv = new StringBuilder("f1,f2,species,f3,f4\n");
        for (int i = 0; i < d.size(); i++) {
            float[] x = d.row(i);
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%s,%s%n", x[0], x[1], d.labels()[i], x[2], x[3]));
        }
        Path file = Files.writeString(dir.resolve("iris-like.csv"), csv);
        CliRun c = CliRun.of(concat(new String[] {"compare", "--dataset", "csv:" + file, "--data-option", "label=species",
            "--methods", "kaiming-normal,lsuv", "--seeds", "2", "--out", dir.resolve("csv-out").toString()}, RUN));
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().contains("4 runs: 4 finished now"), c.out());
        assertTrue(Files.readString(dir.resolve("csv-out/summary.csv")).contains("kaiming-normal,4-8-3,2,2,"));

        Path npy = Files.createDirectories(dir.resolve("npy"));
        Files.write(npy.resolve("x.npy"), npy("<f4", "(" + d.size() + ", 4)", floats(d.features())));
        ByteBuffer y = ByteBuffer.allocate(8 * d.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : d.labels()) y.putLong(v);
        Files.write(npy.resolve("y.npy"), npy("<i8", "(" + d.size() + ",)", y.array()));
        CliRun n = CliRun.of(concat(new String[] {"compare", "--dataset", "npy:" + npy, "--methods", "xavier-uniform", "--seeds", "1",
            "--out", dir.resolve("npy-out").toString()}, RUN));
        assertEquals(0, n.exit(), n.err());
        assertTrue(n.out().contains("1 runs: 1 finished now"), n.out());
        String result = Files.readString(Files.list(dir.resolve("npy-out/runs")).findFirst().orElseThrow());
        assertTrue(result.contains("30 of 150 examples held out as the test set"), "the data description is recorded");
    }

    @Test
    void badFilesAreOneLineAndExitTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "a,b,label\n1,2,0\n3,x,1\n");
        CliRun r = CliRun.of(concat(new String[] {"train", "--dataset", "csv:" + file, "--out", dir.resolve("o").toString()}, RUN));
        assertEquals(2, r.exit());
        assertEquals("ibinit: " + file + ": line 3, column 'b': 'x' is not a number", r.err().strip());
        Path npy = Files.createDirectories(dir.resolve("npy"));
        Files.write(npy.resolve("x.npy"), npy("<f4", "(3, 4)", new byte[40]));
        Files.write(npy.resolve("y.npy"), npy("<i8", "(3,)", new byte[24]));
        CliRun t = CliRun.of(concat(new String[] {"train", "--dataset", "npy:" + npy, "--out", dir.resolve("o").toString()}, RUN));
        assertEquals(2, t.exit());
        assertEquals("ibinit: " + npy.resolve("x.npy") + ": truncated: header promises 3x4 <f4 = 48 data bytes, found 40", t.err().strip());
    }

    static byte[] floats(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    /** A version-1 .npy file as NumPy writes it. */
    static byte[] npy(String descr, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        return b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data).array();
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
