package ibinit.cli;

import ibinit.experiment.DataLoader;
import ibinit.experiment.DataSpec;
import ibinit.experiment.SparseFilterFeatures;
import ibinit.sparse.SparseFiltering;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibinit sparse-filter}: learns sparse-filtering features on a data set (use case {@link SparseFilterFeatures}). */
@Command(name = "sparse-filter", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Learn features W [features, dims] by sparse filtering (Ngiam et al., NIPS 2011: minimize the sum of the "
                + "features normalized per feature over the examples, then per example; L-BFGS, memory 20) on training rows "
                + "(each example's mean removed). Writes OUT/" + SparseFilterFeatures.WEIGHTS + " (tensor 'weight') and OUT/"
                + SparseFilterFeatures.HISTORY + " (objective, ||dW|| and step per iteration).",
                "The same --seed and --init-sample give the starting point of the sparse-filtering initializer's first layer. "
                + "--act, --leaky-slope and --bias-init have no effect here."})
final class SparseFilterCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--features", paramLabel = "N", description = "Features to learn (rows of W). Default: 256.")
    int features = 256;

    @Option(names = "--iterations", paramLabel = "N", description = "L-BFGS iterations at most. Default: 200 (the reference code's).")
    int iterations = 200;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the starting W ~ N(0, 1) and of the training rows picked. Default: 1.")
    long seed = 1;

    @Option(names = "--progress-every", paramLabel = "N", description = "Print a progress line every N iterations (0: none). Default: 10.")
    int progressEvery = 10;

    @Mixin ExperimentOptions common;

    /** --init-sample's default here: the rows sparse filtering sees. */
    static final int DEFAULT_ROWS = 10_000;

    @Override
    public Integer call() {
        if (progressEvery < 0) throw new IllegalArgumentException("--progress-every must be >= 0, got " + progressEvery);
        SparseFilterFeatures.Settings s = new SparseFilterFeatures.Settings(features, iterations,
                common.initSample != null ? common.initSample : DEFAULT_ROWS);
        DataSpec data = common.data("fashion-mnist");
        DataLoader loader = DataLoader.cached();
        SparseFilterFeatures.check(data, common.backend, loader);
        Path dir = common.outputFolder("sparse-filter");
        PrintWriter out = spec.commandLine().getOut();
        SparseFilterFeatures.Result r = SparseFilterFeatures.run(data, seed, common.backend, s, loader, (step, w) -> {
            if (progressEvery > 0 && (step.iteration() % progressEvery == 0)) {
                out.printf("iteration %d/%d  objective %.6g  ||dW|| %.4g  %.1f s%n", step.iteration(), iterations, step.objective(),
                        step.gradientNorm(), step.seconds());
                out.flush();
            }
        });
        SparseFilterFeatures.write(r, data, seed, dir);
        SparseFiltering.Step last = r.fit().history().getLast();
        out.printf("wrote %s and %s: %d features x %d dims from %d rows of %s, %d iterations (%s), objective %.6g, %.2f s on %s%n",
                dir.resolve(SparseFilterFeatures.WEIGHTS), dir.resolve(SparseFilterFeatures.HISTORY), features, r.fit().dims(), r.rows(),
                data.dataset(), last.iteration(), r.fit().stop(), last.objective(), r.fit().seconds(), r.backend());
        out.flush();
        return 0;
    }
}
