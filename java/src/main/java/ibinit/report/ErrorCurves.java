package ibinit.report;

import ibinit.train.EpochStats;
import ibinit.train.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test error per epoch, one curve per method (per method and architecture when a grid has more
 * than one architecture): at each epoch the mean over the seeds that reached it, with the min
 * and max as a band. Epoch e sits at index e - 1; NaN where no seed reached it.
 */
public record ErrorCurves(List<Curve> curves, int epochs) {

    public record Curve(String label, double[] mean, double[] min, double[] max) { }

    public static ErrorCurves of(List<RunResult> results) {
        boolean manyArchs = results.stream().map(r -> r.run().arch()).distinct().count() > 1;
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        int epochs = 0;
        for (RunResult r : results) {
            String label = manyArchs ? r.run().method() + " " + r.run().arch() : r.run().method();
            groups.computeIfAbsent(label, k -> new ArrayList<>()).add(r);
            for (EpochStats e : r.history()) epochs = Math.max(epochs, e.epoch());
        }
        List<Curve> curves = new ArrayList<>();
        for (var g : groups.entrySet()) curves.add(curve(g.getKey(), g.getValue(), epochs));
        return new ErrorCurves(List.copyOf(curves), epochs);
    }

    private static Curve curve(String label, List<RunResult> runs, int epochs) {
        double[] sum = new double[epochs], min = new double[epochs], max = new double[epochs];
        int[] n = new int[epochs];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
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
