package ibinit.sparse.ib;

import ibinit.backend.Backend;
import ibinit.report.AtomicFiles;
import ibinit.report.Json;
import ibinit.report.XyPlot;
import ibinit.report.XyPlot.Series;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the experiments of docs/results/sparse-filtering.md and writes their JSON, PNGs and a
 * Markdown summary into a folder (the command-line tool is {@code ibinit.cli.tools.SparseFilteringIbMain};
 * its defaults: 10 runs (seeds 1..RUNS), 500 L-BFGS iterations, noise variance 0.01 for the KDE
 * estimate, 200 epochs of the explicit-entropy experiment).
 */
public final class SparseFilteringIbExperiment {
    private static final int FEATURES = 8, TRAIN = 900, TEST = 100;
    private static final int[] TABLE_ITERATIONS = {0, 1, 2, 5, 10, 20, 50, 100, 200, 300, 500};
    private static final int[] COLLAPSE_EPOCHS = {0, 10, 50, 200};

    private SparseFilteringIbExperiment() { }

    /**
     * Runs both experiments on {@code b} and writes their files into {@code out}; returns the
     * Markdown summary (also written as summary.md). {@code progress} gets one line per run.
     */
    public static String run(Backend b, Path out, int runs, int iterations, double noise, int epochs,
                             java.util.function.Consumer<String> progress) throws java.io.IOException {
        Files.createDirectories(out);
        StringBuilder md = new StringBuilder();
        {
            long t0 = System.nanoTime();
            IbReading reading = new IbReading(b, FEATURES, iterations, TRAIN, TEST, noise);
            List<IbReading.Trace> traces = new ArrayList<>();
            for (int r = 1; r <= runs; r++) {
                IbReading.Trace tr = reading.run(r);
                traces.add(tr);
                progress.accept(String.format(Locale.ROOT, "run %d: %d iterations, stopped: %s", r, tr.rows().size() - 1, tr.stop()));
            }
            double readingSeconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("backend", b.name());
            json.put("features", FEATURES);
            json.put("train", TRAIN);
            json.put("test", TEST);
            json.put("iterations", iterations);
            json.put("noiseVariance", noise);
            json.put("columns", IbReading.Trace.COLUMNS);
            json.put("runs", traces);
            AtomicFiles.write(out.resolve("ib-runs.json"), Json.write(json));
            md.append(summary(traces, iterations, noise, b.name(), readingSeconds));
            plotIterations(traces, iterations, noise, out.resolve("sf-ib-iterations.png"));
            plotPlane(traces, iterations, noise, out.resolve("sf-ib-plane.png"));

            long t1 = System.nanoTime();
            EntropyCollapse.Outcome c = new EntropyCollapse(b, TRAIN, epochs, 0.01f).run(1, COLLAPSE_EPOCHS);
            AtomicFiles.write(out.resolve("entropy-collapse.json"), Json.write(c));
            plotCollapse(c, out.resolve("sf-entropy-collapse.png"));
            md.append(collapseSummary(c, (System.nanoTime() - t1) / 1e9));
        }
        AtomicFiles.write(out.resolve("summary.md"), md.toString());
        return md.toString();
    }

    /** Per iteration 0..iterations: mean, min, max over runs (a run that stopped early keeps its last values). */
    private static double[][] aggregate(List<IbReading.Trace> traces, int column, int iterations, boolean log10) {
        double[] mean = new double[iterations + 1], lo = new double[iterations + 1], hi = new double[iterations + 1];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (IbReading.Trace t : traces) {
            double[] v = t.column(column);
            for (int i = 0; i <= iterations; i++) {
                double x = v[Math.min(i, v.length - 1)];
                if (log10) x = Math.log10(x);
                mean[i] += x / traces.size();
                lo[i] = Math.min(lo[i], x);
                hi[i] = Math.max(hi[i], x);
            }
        }
        return new double[][] {mean, lo, hi};
    }

    private static double[] iterationAxis(int iterations) {
        double[] x = new double[iterations + 1];
        for (int i = 0; i <= iterations; i++) x[i] = i;
        return x;
    }

    private static void plotIterations(List<IbReading.Trace> traces, int iterations, double noise, Path file) {
        double[] x = iterationAxis(iterations);
        String[][] panels = {{"1", "binned I(X;T) (30 edges on [0,1], as theirs)", "nats"},
            {"2", "binned H(T) (bins of width 1/30, as theirs)", "nats"},
            {"4", "I(X; T+eps), KDE upper bound, noise variance " + noise, "nats"},
            {"5", "sparsity: mean ||fhat||_1 per test sample", "L1 norm"},
            {"6", "||dW|| (training gradient), log10", "log10 ||dW||"},
            {"8", "training objective (sum of fhat over 900 samples)", "objective"}};
        List<XyPlot> plots = new ArrayList<>();
        for (String[] p : panels) {
            int col = Integer.parseInt(p[0]);
            double[][] a = aggregate(traces, col, iterations, col == 6);
            List<Series> s = new ArrayList<>();
            s.add(Series.band("mean of " + traces.size() + " runs", x, a[0], a[1], a[2], 0));
            plots.add(new XyPlot(p[1], "L-BFGS iteration", p[2], s));
        }
        XyPlot.writePanels(plots, 2, file);
    }

    private static void plotPlane(List<IbReading.Trace> traces, int iterations, double noise, Path file) {
        List<Series> binned = new ArrayList<>(), kde = new ArrayList<>();
        for (int r = 0; r < traces.size(); r++) {
            IbReading.Trace t = traces.get(r);
            binned.add(new Series("run " + (r + 1), t.column(1), t.column(2), null, null, XyPlot.Style.THIN_LINE, r));
            kde.add(new Series("run " + (r + 1), t.column(4), t.column(2), null, null, XyPlot.Style.THIN_LINE, r));
        }
        double[][] bi = aggregate(traces, 1, iterations, false), bh = aggregate(traces, 2, iterations, false),
                ki = aggregate(traces, 4, iterations, false);
        binned.add(new Series("mean", bi[0], bh[0], null, null, XyPlot.Style.LINE, -1));
        kde.add(new Series("mean", ki[0], bh[0], null, null, XyPlot.Style.LINE, -1));
        // iteration 0 marked, so the direction of travel shows
        binned.add(new Series("start (iteration 0)", new double[] {bi[0][0]}, new double[] {bh[0][0]}, null, null, XyPlot.Style.POINTS, 3));
        kde.add(new Series("start (iteration 0)", new double[] {ki[0][0]}, new double[] {bh[0][0]}, null, null, XyPlot.Style.POINTS, 3));
        XyPlot.writePanels(List.of(
                new XyPlot("plane, binned (theirs): I(X;T) vs H(T)", "binned I(X;T) (nats)", "binned H(T) (nats)", binned),
                new XyPlot("plane, I(X;T+eps) (KDE, var " + noise + ") vs binned H(T)", "I(X;T+eps) (nats)", "binned H(T) (nats)", kde)),
                2, file);
    }

    private static void plotCollapse(EntropyCollapse.Outcome c, Path file) {
        List<XyPlot> plots = new ArrayList<>();
        for (EntropyCollapse.Snapshot s : c.snapshots()) {
            double[] x = new double[s.t().length / 2], y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = s.t()[i * 2];
                y[i] = s.t()[i * 2 + 1];
            }
            plots.add(new XyPlot(String.format(Locale.ROOT, "T at epoch %d (KDE H = %.3f nats)", s.epoch(), s.entropy()), "t1", "t2",
                    List.of(new Series("900 samples", x, y, null, null, XyPlot.Style.POINTS, 0)), new double[] {0, 1}, new double[] {0, 1}));
        }
        double[] x = iterationAxis(c.entropy().length - 1);
        plots.add(new XyPlot("KDE entropy of T while minimizing it", "epoch", "H(T) (nats)", List.of(Series.line("H(T)", x, c.entropy(), 0))));
        plots.add(new XyPlot("occupied cells of a 30 x 30 grid", "epoch", "cells", List.of(Series.line("cells", x, c.occupiedCells(), 1))));
        XyPlot.writePanels(plots, 2, file);
    }

    private static String summary(List<IbReading.Trace> traces, int iterations, double noise, String backend, double seconds) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "### Sparse filtering on 4-D Gaussians: %d runs, %d features, %d/%d samples, up to %d L-BFGS iterations (%s backend, %.1f s)%n%n",
                traces.size(), FEATURES, TRAIN, TEST, iterations, backend, seconds));
        s.append("Mean over runs [min, max]; a run that stopped early keeps its last values. Nats.\n\n");
        s.append("| iteration | binned I(X;T) | binned H(T) | I(X;T+eps), KDE var ").append(noise)
                .append(" | sparsity (mean L1 of fhat) | ||dW|| | runs still iterating |\n|---|---|---|---|---|---|---|\n");
        double worstIdentity = 0;
        for (IbReading.Trace t : traces) {
            for (double[] row : t.rows()) worstIdentity = Math.max(worstIdentity, Math.abs(row[3] - row[2]));
        }
        for (int it : TABLE_ITERATIONS) {
            if (it > iterations) continue;
            int still = 0;
            for (IbReading.Trace t : traces) if (t.rows().size() - 1 >= it) still++;
            s.append("| ").append(it);
            for (int col : new int[] {1, 2, 4, 5, 6}) {
                double[][] a = aggregate(traces, col, iterations, false);
                s.append(String.format(Locale.ROOT, " | %.3f [%.3f, %.3f]", a[0][it], a[1][it], a[2][it]));
            }
            s.append(" | ").append(still).append(" |\n");
        }
        s.append(String.format(Locale.ROOT, "%nLargest |I(X;T) - H(T)| with the same binning for both, over every run and iteration: %.3g nats.%n", worstIdentity));
        StringBuilder stops = new StringBuilder();
        for (IbReading.Trace t : traces) stops.append(stops.isEmpty() ? "" : ", ").append(t.rows().size() - 1).append(" (").append(t.stop()).append(")");
        s.append("Iterations run and why each run stopped: ").append(stops).append(".\n\n");
        return s.toString();
    }

    private static String collapseSummary(EntropyCollapse.Outcome c, double seconds) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "### Explicit-entropy experiment (R^2 -> R^2, KDE H(T), Adam lr 0.01, %d epochs, %.1f s)%n%n| epoch | KDE H(T) (nats) | occupied cells of 30 x 30 |%n|---|---|---|%n",
                c.entropy().length - 1, seconds));
        for (int e : new int[] {0, 1, 5, 10, 20, 50, 100, 150, 200}) {
            if (e < c.entropy().length) s.append(String.format(Locale.ROOT, "| %d | %.3f | %.0f |%n", e, c.entropy()[e], c.occupiedCells()[e]));
        }
        return s.append('\n').toString();
    }
}
