package ibinit.train;

import ibinit.experiment.DataLoader;
import ibinit.experiment.DataSpec;
import ibinit.experiment.SupervisedTraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.ThreadPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalExecutorTest {
    /** An in-memory store that keeps final results, as the JSON store does. */
    static final class MemoryStore implements RunStore {
        final Map<RunSpec, RunResult> saved = new ConcurrentHashMap<>();

        @Override public Optional<RunResult> finished(RunSpec spec) {
            return Optional.ofNullable(saved.get(spec)).filter(RunResult::isFinal);
        }

        @Override public void save(RunResult r) { saved.put(r.run(), r); }
    }

    /** Counts loads and records the thread count a run sees while its data is loaded. */
    static final class CountingSource implements DataLoader {
        final AtomicInteger loads = new AtomicInteger();
        final List<Integer> threadsSeen = Collections.synchronizedList(new ArrayList<>());
        final DataLoader real = DataLoader.cached();

        @Override public ibinit.data.DataSplit load(DataSpec spec) {
            loads.incrementAndGet();
            threadsSeen.add(ThreadPolicy.threads());
            return real.load(spec);
        }
    }

    @Test
    void divergedRunIsRecordedAndTheGridGoesOn() {
        MemoryStore store = new MemoryStore();
        List<RunSpec> grid = List.of(TinyData.spec("kaiming-normal", 1e6, 1), TinyData.spec("kaiming-normal", 0.05, 1));
        GridOutcome out = new LocalExecutor(new SupervisedTraining(), store, 1).execute(grid, GridListener.NONE, () -> false);
        assertEquals(2, out.executed());
        assertEquals(RunStatus.DIVERGED, out.results().get(0).status());
        assertTrue(out.results().get(0).detail().startsWith("diverged at epoch 1 step"), out.results().get(0).detail());
        assertEquals(RunStatus.COMPLETED, out.results().get(1).status());
        assertEquals(2, store.saved.size());
    }

    @Test
    void resumeSkipsFinishedRunsAndRunsOnlyTheRest() {
        MemoryStore store = new MemoryStore();
        CountingSource data = new CountingSource();
        List<RunSpec> first = List.of(TinyData.spec("kaiming-normal", 0.05, 1), TinyData.spec("xavier-uniform", 0.05, 1));
        new LocalExecutor(new SupervisedTraining(data), store, 1).execute(first, GridListener.NONE, () -> false);
        List<RunSpec> grid = new ArrayList<>(first);
        grid.add(TinyData.spec("kaiming-normal", 0.05, 2));
        AtomicInteger started = new AtomicInteger();
        GridListener l = new GridListener() {
            @Override public void runStarted(RunSpec spec, int index, int total) { started.incrementAndGet(); }
        };
        GridOutcome out = new LocalExecutor(new SupervisedTraining(data), store, 1).execute(grid, l, () -> false);
        assertEquals(1, out.executed());
        assertEquals(2, out.skipped());
        assertEquals(1, started.get());
        assertEquals(3, out.results().size());
        assertEquals(3, data.loads.get(), "one load per executed run");
    }

    @Test
    void parallelRunsGetOneThreadEachAndMatchSerialResults() {
        List<RunSpec> grid = List.of(TinyData.spec("kaiming-normal", 0.05, 1), TinyData.spec("kaiming-normal", 0.05, 2),
                TinyData.spec("orthogonal", 0.05, 1));
        CountingSource data = new CountingSource();
        GridOutcome parallel = new LocalExecutor(new SupervisedTraining(data), new MemoryStore(), 3).execute(grid, GridListener.NONE, () -> false);
        assertEquals(List.of(1, 1, 1), data.threadsSeen);
        GridOutcome serial = new LocalExecutor(new SupervisedTraining(), new MemoryStore(), 1).execute(grid, GridListener.NONE, () -> false);
        for (int i = 0; i < grid.size(); i++) {
            assertEquals(serial.results().get(i).history().stream().map(EpochStats::trainLoss).toList(),
                    parallel.results().get(i).history().stream().map(EpochStats::trainLoss).toList());
        }
    }

    @Test
    void stopRequestLeavesUnfinishedRunsUnsaved() {
        MemoryStore store = new MemoryStore();
        List<RunSpec> grid = List.of(TinyData.spec("kaiming-normal", 0.05, 1), TinyData.spec("kaiming-normal", 0.05, 2));
        AtomicInteger checks = new AtomicInteger();
        GridOutcome out = new LocalExecutor(new SupervisedTraining(), store, 1)
                .execute(grid, GridListener.NONE, () -> checks.incrementAndGet() > 3);
        assertTrue(out.interrupted());
        assertTrue(out.results().isEmpty());
        assertTrue(store.saved.isEmpty());
        assertFalse(grid.stream().anyMatch(s -> store.finished(s).isPresent()));
    }

    @Test
    void unknownMethodIsRejectedByValidation() {
        SupervisedTraining r = new SupervisedTraining();
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> r.check(TinyData.spec("no-such-method", 0.05, 1)));
        assertTrue(e.getMessage().contains("no-such-method"), e.getMessage());
        r.check(TinyData.spec("lsuv", 0.05, 1));
    }

    @Test
    void dataDrivenInitializerRuns() {
        GridOutcome out = new LocalExecutor(new SupervisedTraining(), new MemoryStore(), 1)
                .execute(List.of(TinyData.spec("lsuv", 0.05, 1)), GridListener.NONE, () -> false);
        assertEquals(RunStatus.COMPLETED, out.results().getFirst().status(), out.results().getFirst().detail());
        assertEquals("java", out.results().getFirst().provenance().backend());
    }
}
