package ibinit.train;

import ibinit.backend.ThreadPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Runs a grid of {@link RunSpec}s on this machine, {@code jobs} at a time. With more than one job
 * each run's backend gets one thread (several busy thread pools on the same cores slow every run
 * down), and with one job the run gets every core ({@link ThreadPolicy}). A run whose final
 * result is already in the store is skipped (--resume); each finished run is saved as soon as it
 * ends; an interrupted run is not saved, so a resumed grid runs it again.
 */
public final class LocalExecutor {
    private static final Logger LOG = Logger.getLogger(LocalExecutor.class.getName());

    private final RunTask runner;
    private final RunStore store;
    private final int jobs;

    public LocalExecutor(RunTask runner, RunStore store, int jobs) {
        if (jobs < 1) throw new IllegalArgumentException("--jobs must be >= 1, got " + jobs);
        this.runner = runner;
        this.store = store;
        this.jobs = jobs;
    }

    /** e.g. "4 runs at a time, 1 thread each" (logged when a grid starts). */
    public String policy() {
        return jobs == 1
                ? "1 run at a time, " + ThreadPolicy.configuredThreads() + " threads (all of ThreadPolicy's pool)"
                : jobs + " runs at a time, 1 thread each (parallel runs never share a multi-threaded pool)";
    }

    public GridOutcome execute(List<RunSpec> specs, GridListener listener, BooleanSupplier stopRequested) {
        int total = specs.size();
        RunResult[] results = new RunResult[total];
        AtomicInteger done = new AtomicInteger();
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            var saved = store.finished(specs.get(i));
            if (saved.isPresent()) {
                results[i] = saved.get();
                listener.runSkipped(saved.get(), done.incrementAndGet(), total);
            } else {
                todo.add(i);
            }
        }
        LOG.fine(() -> "grid: " + total + " runs, " + (total - todo.size()) + " already finished; " + policy()); // the CLI prints the policy itself
        AtomicInteger executed = new AtomicInteger();
        if (jobs == 1) {
            for (int i : todo) {
                if (stopRequested.getAsBoolean()) break;
                runOne(specs.get(i), i, total, listener, stopRequested, results, done, executed);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(jobs, Thread.ofPlatform().name("ibinit-run-", 0).daemon().factory());
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i : todo) {
                    futures.add(pool.submit(() -> {
                        if (stopRequested.getAsBoolean()) return null;
                        return ThreadPolicy.callWith(1, () -> {
                            runOne(specs.get(i), i, total, listener, stopRequested, results, done, executed);
                            return null;
                        });
                    }));
                }
                for (Future<?> f : futures) await(f);
            } finally {
                pool.shutdownNow();
            }
        }
        boolean interrupted = false;
        List<RunResult> out = new ArrayList<>();
        for (RunResult r : results) {
            if (r == null || r.status() == RunStatus.INTERRUPTED) interrupted = true;
            else out.add(r);
        }
        return new GridOutcome(out, executed.get(), total - todo.size(), interrupted);
    }

    private void runOne(RunSpec spec, int index, int total, GridListener listener, BooleanSupplier stop,
                        RunResult[] results, AtomicInteger done, AtomicInteger executed) {
        listener.runStarted(spec, index, total);
        RunResult r = runner.run(spec, listener.trainingListener(spec, index, total), stop);
        executed.incrementAndGet();
        if (r.status() != RunStatus.INTERRUPTED) store.save(r);
        results[index] = r;
        listener.runFinished(r, done.incrementAndGet(), total);
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a run", e);
        } catch (ExecutionException e) {
            // Runner turns failures into results; anything here is a bug in the executor or a listener.
            throw new IllegalStateException("a run crashed its worker: " + e.getCause(), e.getCause());
        }
    }
}
