package ibinit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.weights.SafeTensors;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir Path dir;

    static String[] args(Path out, String method, String... more) { return args("synthetic", "20-16-4", out, method, more); }

    /** init writes OUT/init.safetensors; tests name the file and pass its folder. */
    static Path folderOf(Path file) { return file.resolveSibling(file.getFileName().toString().replace(".safetensors", "")); }

    static Path written(Path file) { return folderOf(file).resolve(ibinit.experiment.InitialWeights.FILE); }

    static String[] args(String dataset, String arch, Path out, String method, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("init", "--dataset", dataset, "--data-option", "classes=4",
                "--data-option", "dims=20", "--data-option", "trainSize=400", "--arch", arch, "--init", method,
                "--seed", "3", "--backend", "java", "--out", folderOf(out).toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void writesTheInitialWeightsWithMetadata() throws Exception {
        Path f = dir.resolve("ibci.safetensors");
        MainTest.Result r = MainTest.run(args(f, "ibci", "--init-sample", "200"));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("wrote " + written(f)), r.out());
        SafeTensors.Contents c = SafeTensors.read(written(f));
        assertEquals(List.of("layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias"), List.copyOf(c.tensors().keySet()));
        assertArrayEquals(new int[] {16, 20}, c.tensors().get("layers.0.weight").shape());
        assertEquals("ibci", c.metadata().get("method"));
        assertEquals("3", c.metadata().get("seed"));
        assertEquals("20-16-4", c.metadata().get("arch"));
        assertEquals("200", c.metadata().get("sample"));

        // the file loads back through file:path= and is written out unchanged
        Path g = dir.resolve("copy.safetensors");
        assertEquals(0, MainTest.run(args(g, "file:path=" + written(f))).code());
        SafeTensors.Contents d = SafeTensors.read(written(g));
        for (String name : c.tensors().keySet()) assertArrayEquals(c.tensors().get(name).values(), d.tensors().get(name).values(), name);
    }

    @Test
    void sizesBeyondAnArrayOrTheHeapAreOneLineWithExitTwoBeforeAnyWork() {
        Path f = dir.resolve("big.safetensors");
        // 200,000,400 rows x 20 dims overflow an int; the second size fits an array but not this JVM's
        // heap (about 168 bytes a row: features, labels and one converted copy)
        long overHeap = Runtime.getRuntime().maxMemory() / 168 + 1000;
        org.junit.jupiter.api.Assumptions.assumeTrue(overHeap * 20 < Integer.MAX_VALUE - 8, "heap too large to exceed with one array");
        for (String size : new String[] {"200000000", Long.toString(overHeap)}) {
            MainTest.Result r = MainTest.run(args(f, "xavier", "--data-option", "trainSize=" + size));
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("trainSize=" + size), r.err());
        }
        // a layer size beyond an int, and a layer of 20 x 200,000,000 weights, more than one tensor holds
        MainTest.Result r = MainTest.run(args("synthetic", "20-3000000000-4", f, "xavier"));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        r = MainTest.run(args("synthetic", "20-200000000-4", f, "xavier"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("one tensor can hold") && !r.err().contains("\tat "), r.err());
        assertTrue(!java.nio.file.Files.exists(f));
    }

    @Test
    void scalesPrintsOneRowPerDenseLayer() {
        MainTest.Result r = MainTest.run(args(dir.resolve("s.safetensors"), "he", "--scales"));
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        int head = lines.indexOf("layer\tin\tout\trow_norm\tpre_std\tact_std");
        assertTrue(head > 0, r.out());
        String[] first = lines.get(head + 1).split("\t"), logits = lines.get(head + 2).split("\t");
        assertEquals(List.of("layers.0", "20", "16"), List.of(first).subList(0, 3));
        assertEquals(List.of("layers.2", "16", "4"), List.of(logits).subList(0, 3));
        assertEquals(logits[4], logits[5], "the output layer's activation is its logits");
        // He: rows of 20 weights of variance 2/20 have norm about sqrt(2)
        assertEquals(Math.sqrt(2), Double.parseDouble(first[3]), 0.4);
    }

    @Test
    void mistakesAreOneLineWithExitTwo() {
        Path f = dir.resolve("x.safetensors");
        MainTest.Result r = MainTest.run(args("synthetic", "30-16-4", f, "ibci"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("takes 30 inputs"), r.err());
        r = MainTest.run(args(f, "ibci:pool=3"));
        assertEquals(2, r.code());
        assertTrue(r.err().contains("pool=3"), r.err());
        r = MainTest.run(args("nosuch", "20-16-4", f, "ibci"));
        assertEquals(2, r.code());
        assertTrue(!r.err().contains("\tat "), r.err());
    }

    @Test
    void trainStartsFromAnExportedFileAndRefusesAMismatch() throws Exception {
        Path f = dir.resolve("he.safetensors");
        assertEquals(0, MainTest.run(args("synthetic", "20-8-4", f, "kaiming-normal")).code());
        String[] common = {"--dataset", "synthetic", "--data-option", "classes=4", "--data-option", "dims=20",
            "--data-option", "trainSize=120", "--data-option", "testSize=60", "--epochs", "1", "--batch", "16", "--backend", "java"};
        List<String> ok = new java.util.ArrayList<>(List.of("train", "--arch", "20-8-4", "--init-from", written(f).toString(),
                "--out", dir.resolve("ok").toString()));
        ok.addAll(List.of(common));
        MainTest.Result r = MainTest.run(ok.toArray(String[]::new));
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> bad = new java.util.ArrayList<>(List.of("train", "--arch", "20-5-4", "--init-from", written(f).toString(),
                "--out", dir.resolve("bad").toString()));
        bad.addAll(List.of(common));
        r = MainTest.run(bad.toArray(String[]::new));
        // a mismatching file is a mistake caught before the run starts: one line, exit 2, nothing left in --out
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("layers.0.weight has shape [8, 20] where the network has [5, 20]"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(!java.nio.file.Files.exists(dir.resolve("bad")), "no failed-run files");
        List<String> both = new java.util.ArrayList<>(List.of("train", "--init", "he", "--init-from", written(f).toString()));
        both.addAll(List.of(common));
        assertEquals(2, MainTest.run(both.toArray(String[]::new)).code());
    }
}
