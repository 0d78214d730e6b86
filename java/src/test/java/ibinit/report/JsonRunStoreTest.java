package ibinit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.train.RunResult;
import ibinit.train.RunSpec;
import ibinit.train.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRunStoreTest {
    @TempDir Path dir;

    /** RunSpec's fields before smoothing existed, to hash a description as earlier versions wrote it. */
    record SpecBeforeSmoothing(String dataset, java.util.Map<String, String> dataOptions, String arch, String activation,
                               double activationParam, String init, String biasInit, int initSample, ibinit.train.OptimizerSpec optimizer,
                               ibinit.train.Schedule schedule, int epochs, int batch, double clip, long seed, String backend) { }

    @Test
    void runsWithoutSmoothingKeepTheFileNamesOfEarlierVersionsAndSmoothedOnesGetTheirOwn() throws Exception {
        RunSpec s = Fixtures.spec("kaiming-normal", "4-8-3", 1);
        SpecBeforeSmoothing old = new SpecBeforeSmoothing(s.dataset(), s.dataOptions(), s.arch(), s.activation(), s.activationParam(),
                s.init(), s.biasInit(), s.initSample(), s.optimizer(), s.schedule(), s.epochs(), s.batch(), s.clip(), s.seed(), s.backend());
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(Json.write(old).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(java.util.HexFormat.of().formatHex(d).substring(0, 10), JsonRunStore.hash(s));
        RunSpec smoothed = new RunSpec(s.dataset(), s.dataOptions(), s.arch(), s.activation(), s.activationParam(), s.init(), s.biasInit(),
                s.initSample(), s.optimizer(), s.schedule(), s.epochs(), s.batch(), s.clip(), s.seed(), s.backend(), "box:layers=1,radius=0.1");
        assertNotEquals(JsonRunStore.hash(s), JsonRunStore.hash(smoothed));
    }

    @Test
    void savedResultReadsBackEqualAndCountsAsFinished() {
        JsonRunStore store = new JsonRunStore(dir);
        RunSpec spec = Fixtures.spec("kaiming-normal", "4-8-3", 1);
        RunResult r = Fixtures.result(spec, RunStatus.COMPLETED, 30, 20, 25);
        store.save(r);
        RunResult back = store.finished(spec).orElseThrow();
        assertEquals(r, back);
        assertEquals(20, back.bestError());
        assertEquals(2, back.bestEpoch());
    }

    @Test
    void otherDescriptionOrNonFinalStatusIsNotFinished() {
        JsonRunStore store = new JsonRunStore(dir);
        RunSpec spec = Fixtures.spec("kaiming-normal", "4-8-3", 1);
        store.save(Fixtures.result(spec, RunStatus.COMPLETED, 30));
        assertTrue(store.finished(spec.withSeed(2)).isEmpty());
        RunSpec failed = Fixtures.spec("xavier-uniform", "4-8-3", 1);
        store.save(Fixtures.result(failed, RunStatus.FAILED));
        assertTrue(store.finished(failed).isEmpty());
        // a diverged run is final: the same description would diverge again
        RunSpec diverged = Fixtures.spec("normal", "4-8-3", 1);
        store.save(Fixtures.result(diverged, RunStatus.DIVERGED, 50));
        assertTrue(store.finished(diverged).isPresent());
    }

    @Test
    void changedOptionGivesAnotherFileName() {
        JsonRunStore store = new JsonRunStore(dir);
        RunSpec a = Fixtures.spec("kaiming-normal", "4-8-3", 1);
        RunSpec b = new RunSpec(a.dataset(), a.dataOptions(), a.arch(), a.activation(), a.activationParam(), a.init(), a.biasInit(),
                a.initSample(), a.optimizer(), a.schedule(), a.epochs() + 1, a.batch(), a.clip(), a.seed(), a.backend());
        assertNotEquals(store.fileOf(a), store.fileOf(b));
    }

    @Test
    void corruptFileIsRunAgainNotTrusted() throws Exception {
        JsonRunStore store = new JsonRunStore(dir);
        RunSpec spec = Fixtures.spec("kaiming-normal", "4-8-3", 1);
        Files.createDirectories(store.folder());
        Files.writeString(store.fileOf(spec), "{\"run\": {\"dataset\": ");
        assertTrue(store.finished(spec).isEmpty());
    }

    @Test
    void nanErrorIsWrittenAsNullAndReadAsNaN() {
        RunResult r = Fixtures.result(Fixtures.spec("normal", "4-3", 1), RunStatus.DIVERGED);
        String json = Json.write(r);
        assertTrue(json.contains("\"bestError\": null"), json);
        assertTrue(Double.isNaN(Json.read(json, RunResult.class).bestError()));
    }

    @Test
    void atomicWriteLeavesOnlyTheTarget() throws Exception {
        Path target = dir.resolve("sub/result.json");
        AtomicFiles.write(target, "{\"a\": 1}\n");
        AtomicFiles.write(target, "{\"a\": 2}\n");
        assertEquals("{\"a\": 2}\n", Files.readString(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count(), "temporary files left behind");
        }
    }

    @Test
    void failedAtomicWriteLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("taken");
        Files.createDirectories(target.resolve("child")); // a non-empty folder cannot be replaced by a file
        assertThrows(target);
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)));
        }
    }

    private static void assertThrows(Path target) {
        org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class, () -> AtomicFiles.write(target, "x"));
    }
}
