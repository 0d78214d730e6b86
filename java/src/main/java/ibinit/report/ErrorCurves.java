package ibinit.report;

import ibinit.train.EpochStats;
import ibinit.train.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test error per epoch: one panel per architecture, one curve per method in it; at each epoch
 * the mean over the seeds that reached it, with the min and max as a band. Epoch e sits at index
 * e - 1; NaN where no seed reached it. {@code methods} lists every method once, in order of first
 * appearance, so a method keeps its colour in every panel.
 */
public record ErrorCurves(List<Panel> panels, List<String> methods, int epochs) {

    /** One architecture's curves. */
    public record Panel(String arch, List<Curve> curves) { }

    /** One method's curve; {@code label} is the method. */
    public record Curve(String label, double[] mean, double[] min, double[] max) { }

    public static ErrorCurves of(List<RunResult> results) {
        Map<String, Map<String, List<RunResult>>> byArch = new LinkedHashMap<>();
        List<String> methods = new ArrayList<>();
        int epochs = 0;
        for (RunResult r : results) {
            byArch.computeIfAbsent(r.run().arch(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.run().method(), k -> new ArrayList<>()).add(r);
            if (!methods.contains(r.run().method())) methods.add(r.run().method());
            for (EpochStats e : r.history()) epochs = Math.max(epochs, e.epoch());
        }
        List<Panel> panels = new ArrayList<>();
        for (var arch : byArch.entrySet()) {
            List<Curve> curves = new ArrayList<>();
            for (var m : arch.getValue().entrySet()) curves.add(curve(m.getKey(), m.getValue(), epochs));
            panels.add(new Panel(arch.getKey(), List.copyOf(curves)));
        }
        return new ErrorCurves(List.copyOf(panels), List.copyOf(methods), epochs);
    }

    /** Every curve of every panel, panel by panel. */
    public List<Curve> curves() { return panels.stream().flatMap(p -> p.curves().stream()).toList(); }

    private static Curve curve(String label, List<RunResult> runs, int epochs) {
        double[] sum = new double[epochs], min = new double[epochs], max = new double[epochs];
        int[] n = new int[epochs];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (RunResult r : runs) {
            for (EpochStats e : r.history()) {
                double v = e.testError();
                if (!Double.isFinite(v)) continue;
                int i = e.epoch() - 1;
                sum[i] += v;
                n[i]++;
                min[i] = Math.min(min[i], v);
                max[i] = Math.max(max[i], v);
            }
        }
        double[] mean = new double[epochs];
        for (int i = 0; i < epochs; i++) {
            if (n[i] == 0) {
                mean[i] = min[i] = max[i] = Double.NaN;
            } else {
                mean[i] = sum[i] / n[i];
            }
        }
        return new Curve(label, mean, min, max);
    }
}
