package ibinit.cli;

import ibinit.experiment.DataLoader;
import ibinit.experiment.Experiment;
import ibinit.experiment.ExperimentSpec;
import ibinit.experiment.InitSpec;
import ibinit.experiment.InitialWeights;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ibinit init}: builds a network, initializes it with a method (data-driven methods see
 * the initialization sample, as in {@code train}) and writes the initial weights as safetensors
 * to OUT/init.safetensors, named as {@link ibinit.nn.Parameter#name()}.
 */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Initialize a network and write its initial weights to OUT/" + InitialWeights.FILE + " (safetensors).",
                "The same method, seed and --init-sample give the same weights as `ibinit train` starts from.",
                "Exit codes: 0 written, 2 a mistake in the options or the data."})
final class InitCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--arch", paramLabel = "SPEC", description = Help.ARCH + " Default: 784-100-10.")
    String arch = "784-100-10";

    @Option(names = "--init", paramLabel = "METHOD", description = Help.INIT + " Default: ibci.")
    String init = "ibci";

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the initial weights and the initialization sample. Default: 1.")
    long seed = 1;

    @Option(names = "--scales", description = "Also print each dense layer's scale on the initialization sample: mean row norm, "
            + "std of its pre-activations and of its activations (the logits' for the output layer).")
    boolean scales;

    @Mixin ExperimentOptions common;

    @Override
    public Integer call() {
        ExperimentSpec e = common.experiment("fashion-mnist", arch, "relu", init, InitSpec.DEFAULT_SAMPLE, seed);
        DataLoader data = DataLoader.cached();
        e.check(data);
        Path dir = common.outputFolder("init");
        Path file = dir.resolve(InitialWeights.FILE);
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        try (Experiment opened = Experiment.open(e, data)) {
            boolean replaced = InitialWeights.write(opened, file);
            if (replaced) spec.commandLine().getErr().println("init: replaced the existing " + file);
            out.printf("wrote %s: %d parameters of %s (%s), method %s, seed %d, %d samples, %.2f s on %s%n", file,
                    opened.network().parameterCount(), arch, e.network().activation(), opened.initializer().name(), seed,
                    Math.min(e.init().sample(), opened.data().train().size()), (System.nanoTime() - t0) / 1e9, opened.backend().name());
            if (scales) printScales(InitialWeights.scales(opened), out);
            out.flush();
        }
        return 0;
    }

    private static void printScales(java.util.List<ibinit.init.LayerScales> layers, PrintWriter o) {
        o.println("layer\tin\tout\trow_norm\tpre_std\tact_std");
        for (var l : layers) {
            o.printf(java.util.Locale.ROOT, "%s\t%d\t%d\t%.4f\t%.4f\t%.4f%n", l.layer(), l.in(), l.out(), l.rowNorm(), l.preStd(), l.activationStd());
        }
    }
}
