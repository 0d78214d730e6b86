package ibinit.bench;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.nn.Architecture;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import ibinit.nn.Sgd;
import ibinit.tensor.Tensor;
import ibinit.train.smoothing.GradientStep;
import ibinit.train.smoothing.Smoothing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SmoothedStepBenchmark's two steps timed alternately, one plain, one smoothed (K = 1), then the
 * perturbation draws alone, in one JVM: on a host whose speed changes from minute to minute a slow
 * spell hits both sides alike, so the ratio of the medians is steadier than two JMH blocks.
 *
 * <p>{@code java -cp ibinit-benchmarks.jar ibinit.bench.SmoothedStepPaired ARCH STEPS [backend]}
 * prints {@code plain_median_us smoothed_median_us ratio draws_median_us}.
 */
public final class SmoothedStepPaired {
    private SmoothedStepPaired() { }

    public static void main(String[] args) {
        String arch = args[0];
        int steps = Integer.parseInt(args[1]);
        String protocol = arch.startsWith("784") ? "box:layers=1;2,radius=0.01" : "box:sigma=0.01";
        try (Backend b = Backends.open(args.length > 2 ? args[2] : "cpu")) {
            try (StepFixture f = new StepFixture(b, arch, "kaiming-normal", 0.001f, 256, 256);
                 GradientStep plain = GradientStep.open(f.net, Smoothing.NONE, 1);
                 GradientStep smoothed = GradientStep.open(f.net, Smoothing.parse(protocol), 1)) {
                Sequential net = f.net;
                Sgd sgd = f.sgd;
                Tensor x = f.x, labels = f.labels, grad = f.grad;
                Architecture a = f.arch;
                List<Parameter> drawn = new ArrayList<>();
                List<Integer> layers = Smoothing.parse(protocol).smoothedLayers(a);
                for (int l : layers.subList(arch.startsWith("784") ? 0 : 1, layers.size())) { // the sigma rule leaves the first at radius 0
                    drawn.add(net.weightLayers().get(l - 1).parameters().getFirst());
                }
                List<Tensor> out = drawn.stream().map(p -> b.zeros(p.value().shape())).toList();
                try {
                    double[] tp = new double[steps], ts = new double[steps], td = new double[steps];
                    for (int i = -steps / 5; i < steps; i++) { // the first fifth warms up
                        long t0 = System.nanoTime();
                        plain.compute(x, labels, grad, 1, i + steps);
                        sgd.step(net.parameters());
                        b.synchronize();
                        long t1 = System.nanoTime();
                        smoothed.compute(x, labels, grad, 1, i + steps);
                        sgd.step(net.parameters());
                        b.synchronize();
                        long t2 = System.nanoTime();
                        for (int j = 0; j < drawn.size(); j++) {
                            b.perturbUniform(drawn.get(j).value(), out.get(j), new RandomStream(1, 5, 0), 0.01f);
                        }
                        b.synchronize();
                        long t3 = System.nanoTime();
                        if (i >= 0) {
                            tp[i] = (t1 - t0) / 1e3;
                            ts[i] = (t2 - t1) / 1e3;
                            td[i] = (t3 - t2) / 1e3;
                        }
                    }
                    double p = StepFixture.median(tp), s = StepFixture.median(ts);
                    System.out.printf(Locale.ROOT, "%.1f %.1f %.3f %.1f%n", p, s, s / p, StepFixture.median(td));
                } finally {
                    out.forEach(Tensor::close);
                }
            }
        }
    }
}
