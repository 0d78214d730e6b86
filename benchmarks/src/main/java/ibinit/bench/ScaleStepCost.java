package ibinit.bench;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.init.scales.GradInit;
import ibinit.init.scales.GradInitOptions;
import ibinit.init.scales.Nio;
import ibinit.init.scales.NioOptions;
import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Paired, interleaved timing of one NIO / GradInit step against one SGD training step of the same
 * batch of 128, and of their parts (the unfused loss and gradient, one exact Hessian-vector
 * product), for a loaded host: every round times each operation once, in turn, so a slow spell
 * hits all of them; it prints the minimum and the median over the rounds in ms and each as a
 * multiple of the training step. NIO and GradInit run T = 4 steps per call (the per-run set-up,
 * copying theta0, is divided over them, as in a real run where T is 50-400).
 *
 * <p>{@code java -cp ibinit-benchmarks.jar ibinit.bench.ScaleStepCost ARCH ROUNDS [backend]}
 */
public final class ScaleStepCost {
    private ScaleStepCost() { }

    public static void main(String[] args) {
        String arch = args[0];
        int rounds = Integer.parseInt(args[1]);
        try (Backend b = Backends.open(args.length > 2 ? args[2] : "cpu")) {
            StepFixture f = new StepFixture(b, arch, "kaiming-normal", 0.01f, 192, 128);
            Sequential net = f.net;
            Tensor sample = f.sample, labels = f.sampleLabels, x = f.x, xl = f.labels;
            for (var p : net.parameters()) b.fillNormal(p.direction(), RandomStream.of(3, 0), 0f, 1f);
            int t = 4;
            Map<String, DoubleSupplier> ops = new LinkedHashMap<>();
            ops.put("train step", f::trainStep);
            ops.put("loss and gradient", () -> net.lossAndGradient(x, xl));
            ops.put("Hessian-vector product", () -> {
                net.lossAndGradient(x, xl);
                net.hessianVector();
                return 0;
            });
            ops.put("nio objective step", () -> Nio.optimize(net, sample, labels, new NioOptions(2, 0.7, t, 1e9, 0.015, 1, 0.01, 128), s -> { }).seconds());
            ops.put("nio constraint step", () -> Nio.optimize(net, sample, labels, new NioOptions(2, 0.7, t, 1e-9, 0.015, 1, 0.01, 128), s -> { }).seconds());
            ops.put("gradinit objective step", () -> GradInit.optimize(net, sample, labels, new GradInitOptions(t, 128, 0.1, 1e9, 0.01, 0.01), s -> { }).seconds());
            ops.put("gradinit constraint step", () -> GradInit.optimize(net, sample, labels, new GradInitOptions(t, 128, 0.1, 1e-9, 0.01, 0.01), s -> { }).seconds());
            Map<String, double[]> ms = new LinkedHashMap<>();
            for (String k : ops.keySet()) ms.put(k, new double[rounds]);
            for (int r = -1; r < rounds; r++) { // round -1 warms up
                for (var e : ops.entrySet()) {
                    long t0 = System.nanoTime();
                    e.getValue().getAsDouble();
                    b.synchronize();
                    double elapsed = (System.nanoTime() - t0) / 1e6 / (e.getKey().startsWith("nio") || e.getKey().startsWith("gradinit") ? t : 1);
                    if (r >= 0) ms.get(e.getKey())[r] = elapsed;
                }
            }
            double trainMin = min(ms.get("train step")), trainMed = StepFixture.median(ms.get("train step"));
            System.out.printf(Locale.ROOT, "%s, %d rounds, backend %s, threads %d%n", arch, rounds, b.name(), b.threads());
            System.out.printf(Locale.ROOT, "%-30s %10s %10s %8s %8s%n", "operation", "min ms", "median ms", "min x", "med x");
            for (var e : ms.entrySet()) {
                System.out.printf(Locale.ROOT, "%-30s %10.1f %10.1f %8.2f %8.2f%n", e.getKey(), min(e.getValue()), StepFixture.median(e.getValue()),
                        min(e.getValue()) / trainMin, StepFixture.median(e.getValue()) / trainMed);
            }
            f.close();
        }
    }

    private static double min(double[] v) { return Arrays.stream(v).min().orElse(Double.NaN); }
}
