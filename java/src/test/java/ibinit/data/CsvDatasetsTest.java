package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code csv:FILE}: the label column by name, the rest features; faults named with file and line. */
class CsvDatasetsTest {
    @TempDir Path dir;

    Path csv(String name, String text) throws IOException { return Files.writeString(dir.resolve(name), text); }

    @Test
    void labelColumnAnywhereAndATestFile() throws IOException {
        Path train = csv("train.csv", "\uFEFFa,\"species\",b\r\n1.5,0,2\r\n-3,1,4e-1\r\n\r\n0.25,2,\"7\"\r\n");
        Path test = csv("test.csv", "a,species,b\n9,1,8\n");
        DataSplit s = Datasets.load("csv:" + train, DataOptions.of("label", "species", "test", test.toString()));
        assertEquals(3, s.train().classes());
        assertEquals(2, s.train().featureDim());
        assertArrayEquals(new float[] {1.5f, 2, -3, 0.4f, 0.25f, 7}, s.train().features());
        assertArrayEquals(new int[] {0, 1, 2}, s.train().labels());
        assertArrayEquals(new float[] {9, 8}, s.test().features());
        assertArrayEquals(new int[] {1}, s.test().labels());
    }

    @Test
    void nonNumericCellIsNamedWithLineAndColumn() throws IOException {
        Path f = csv("d.csv", "x1,x2,label\n1,2,0\n3,abc,1\n");
        assertEquals(f + ": line 3, column 'x2': 'abc' is not a number", message("csv:" + f));
        csv("d.csv", "x1,x2,label\n1,,0\n");
        assertEquals(f + ": line 2, column 'x2': empty cell", message("csv:" + f));
        csv("d.csv", "x1,x2,label\n1,NaN,0\n");
        assertEquals(f + ": line 2, column 'x2': 'NaN' is not a number", message("csv:" + f));
        csv("d.csv", "x1,x2,label\n1,2,cat\n");
        assertEquals(f + ": line 2, label column 'label': 'cat' is not an integer class index", message("csv:" + f));
    }

    @Test
    void raggedRowMissingLabelColumnAndOtherHeaderAreNamed() throws IOException {
        Path f = csv("d.csv", "x1,x2,label\n1,2,0\n3,1\n");
        assertEquals(f + ": line 3 has 2 cells, the header has 3", message("csv:" + f));
        csv("d.csv", "x1,x2,y\n1,2,0\n");
        assertEquals(f + ": no column 'label' in the header (x1, x2, y); name the label column with data option label=NAME",
                message("csv:" + f));
        csv("d.csv", "x1,x2,label\n1,2,0\n3,4,1\n");
        Path t = csv("t.csv", "x2,x1,label\n1,2,0\n");
        assertEquals(t + ": its header (x2, x1, label) differs from that of " + f + " (x1, x2, label)",
                assertThrows(DatasetException.class, () -> Datasets.load("csv:" + f, DataOptions.of("test", t.toString()))).getMessage());
        csv("d.csv", "x1,x2,label\n");
        assertEquals(f + ": a header but no data rows", message("csv:" + f));
        assertEquals(dir.resolve("none.csv") + ": no such file", message("csv:" + dir.resolve("none.csv")));
    }

    @Test
    void classesOptionChecksTheLabels() throws IOException {
        Path f = csv("d.csv", "x,label\n1,0\n2,4\n3,1\n4,0\n5,1\n");
        assertEquals("csv:" + f + ": a label is 4 but data option classes=3 allows 0..2",
                assertThrows(DatasetException.class, () -> Datasets.load("csv:" + f, DataOptions.of("classes", "3"))).getMessage());
        assertEquals(6, Datasets.load("csv:" + f, DataOptions.of("classes", "6")).train().classes());
    }

    static String message(String name) {
        return assertThrows(DatasetException.class, () -> Datasets.load(name, DataOptions.defaults())).getMessage();
    }
}
