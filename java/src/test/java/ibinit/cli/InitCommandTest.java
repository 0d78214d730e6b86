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
