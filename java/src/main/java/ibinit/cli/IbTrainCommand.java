package ibinit.cli;

import ibinit.backend.ThreadPolicy;
import ibinit.experiment.DataLoader;
import ibinit.experiment.Experiment;
import ibinit.experiment.ExperimentSpec;
import ibinit.experiment.IbTraining;
import ibinit.experiment.Identity;
import ibinit.info.ib.IbConfig;
import ibinit.info.ib.IbMode;
import ibinit.info.ib.IbObjective;
import ibinit.info.ib.IbOutcome;
import ibinit.report.AtomicFiles;
import ibinit.report.Json;
import ibinit.train.Provenance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibinit ib-train}: information-bottleneck training, layer by layer or end to end, resumable. */
@Command(name = "ib-train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a dense network with the information-bottleneck objective of layer-by-layer IB training (README, ib-train).",
                "layerwise: each hidden layer ascends iy-weight I(Y;L_i) - ix-weight I(X;L_i+eps) (critics D_y: MINE, D_x: AA-MINE), "
                        + "is frozen, then a linear head learns cross-entropy. end-to-end: ce-weight CE - iy-weight I(Y;Yhat) + ix-weight I(X;Yhat+eps).",
                "--objective ce trains the whole network with cross-entropy alone (layerwise: for layers x iterations + head steps updates).",
                "Writes OUT/checkpoint.safetensors every --checkpoint-every steps and on Ctrl-C (--resume continues from it, with the same options; "
                        + "without --resume an OUT holding a checkpoint is refused) and OUT/result.json.",
                "Defaults are the paper's (5000 iterations per layer, 10 critic updates, critics 1500-1500): hours on 2 CPU cores; shorten them.",
                "Exit codes: 0 completed, 1 diverged, 2 bad options or data, 130 interrupted."})
final class IbTrainCommand implements Callable<Integer> {
    static final String CHECKPOINT = IbTraining.CHECKPOINT, RESULT = IbTraining.RESULT;

    @Spec CommandSpec spec;

    @Option(names = "--mode", paramLabel = "MODE", description = "layerwise or end-to-end. Default: ${DEFAULT-VALUE}.")
    String mode = "layerwise";

    @Option(names = "--objective", paramLabel = "NAME", description = "ce, ib-y-only or ib. Default: ${DEFAULT-VALUE}.")
    String objective = "ib";

    @Option(names = "--arch", paramLabel = "SPEC", description = Help.ARCH + " Dense layers only. Default: 784-512-512-10.")
    String arch = "784-512-512-10";

    @Option(names = "--init", paramLabel = "METHOD", description = Help.INIT + " Default: kaiming-normal.")
    String init = "kaiming-normal";

    @Option(names = "--iterations", paramLabel = "N", description = "Network updates per hidden layer (layerwise) or in all (end-to-end). Default: ${DEFAULT-VALUE}.")
    int iterations = 5000;

    @Option(names = "--critic-steps", paramLabel = "K", description = "Updates of each critic per network update. Default: ${DEFAULT-VALUE}.")
    int criticSteps = 10;

    @Option(names = "--pretrain-steps", paramLabel = "N", description = "Critic updates before a layer's first update. Default: ${DEFAULT-VALUE}.")
    int pretrainSteps = 500;

    @Option(names = "--head-steps", paramLabel = "N", description = "layerwise: cross-entropy updates of the linear head. Default: ${DEFAULT-VALUE}.")
    int headSteps = 2000;

    @Option(names = "--batch", paramLabel = "N", description = "Rows per update (at most the training set). Default: ${DEFAULT-VALUE}.")
    int batch = 256;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate of the network. Default: 1e-3.")
    double lr = 1e-3;

    @Option(names = "--critic-lr", paramLabel = "RATE", description = "Adam learning rate of the critics. Default: 1e-4.")
    double criticLr = 1e-4;

    @Option(names = "--critic-hidden", paramLabel = "H,H", split = ",", description = "Critic hidden widths. Default: 1500,1500.")
    int[] criticHidden = {1500, 1500};

    @Option(names = "--noise-variance", paramLabel = "S2", description = "sigma^2 of eps in I(X; L + eps). Default: 2.")
    double noiseVariance = 2.0;

    @Option(names = "--ce-weight", paramLabel = "A", description = "end-to-end: weight of cross-entropy (the paper's alpha). Default: 1.")
    double ceWeight = 1.0;

    @Option(names = "--iy-weight", paramLabel = "B", description = "Weight of I(Y; L) (end-to-end: the paper's beta). Default: 1.")
    double iyWeight = 1.0;

    @Option(names = "--ix-weight", paramLabel = "G", description = "Weight of I(X; L + eps) (layerwise: the paper's beta; end-to-end: its gamma). Default: 1e-3.")
    double ixWeight = 1e-3;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "Steps between checkpoints. Default: ${DEFAULT-VALUE}.")
    int checkpointEvery = 500;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the weights, critics, batches and noise. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(names = "--resume", description = "Continue from OUT/" + CHECKPOINT + " (same options).")
    boolean resume;

    @Mixin ExperimentOptions common;

    @Override
    public Integer call() {
        IbConfig config = new IbConfig(IbMode.parse(mode), IbObjective.parse(objective), iterations, criticSteps, pretrainSteps, headSteps, batch,
                lr, criticLr, criticHidden, noiseVariance, ceWeight, iyWeight, ixWeight, checkpointEvery, seed);
        if (resume && common.out == null) throw new IllegalArgumentException("--resume needs --out (the folder of the run to continue)");
        ExperimentSpec x = common.experiment("mnist", arch, "relu", init, Math.max(1, batch), seed);
        DataLoader data = DataLoader.cached();
        x.check(data);
        Path dir = common.out != null ? common.out : ibinit.experiment.OutputFolder.timestamped("ib-train");
        IbTraining.checkStart(dir, resume, x, config); // before any work: never overwrite a checkpoint, never resume with other options
        ibinit.experiment.OutputFolder.prepare(dir);
        PrintWriter err = spec.commandLine().getErr(), stdout = spec.commandLine().getOut();
        Instant started = Instant.now();
        try (Experiment opened = Experiment.open(x, data);
             ShutdownGuard guard = new ShutdownGuard(err, "A checkpoint is saved; --resume continues.")) {
            err.println("ib-train: " + config.mode().cliName + " " + config.objective().cliName + " on " + x.data().dataset() + ", " + arch + " "
                    + x.network().activation() + ", " + IbTraining.totalSteps(opened, config) + " steps into " + dir + "; "
                    + opened.backend().name() + ", " + ThreadPolicy.describe());
            err.println("data: " + opened.data().description());
            err.flush();
            IbOutcome o = IbTraining.run(opened, config, dir, resume, guard, new IbProgressPrinter(err));
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("options", Identity.of(x));
            report.put("settings", config.fingerprint());
            report.put("data", opened.data().description());
            report.put("network", opened.network().describe());
            report.put("outcome", o);
            report.put("provenance", Provenance.collect(opened.backend(), started, Instant.now()));
            if (o.completed()) AtomicFiles.write(dir.resolve(RESULT), Json.write(report));
            stdout.println("ib-train: " + o.detail());
            if (o.completed()) {
                stdout.printf(Locale.ROOT, "test accuracy: %.2f%% (train %.2f%%)%n", o.testAccuracy(), o.trainAccuracy());
                stdout.printf(Locale.ROOT, "time: %.1f s%n", o.seconds());
                stdout.println("result: " + dir.resolve(RESULT));
            }
            stdout.flush();
            return o.completed() ? 0 : o.status().equals("interrupted") ? 130 : 1;
        }
    }
}
