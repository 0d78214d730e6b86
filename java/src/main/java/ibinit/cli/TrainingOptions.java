package ibinit.cli;

import ibinit.train.OptimizerSpec;
import ibinit.train.Schedule;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The supervised-training options {@code train} and {@code compare} share: epochs, batch,
 * optimizer, schedule, clipping (the data, network and initialization options are
 * {@link ExperimentOptions}). A bad value is an IllegalArgumentException naming the option.
 */
final class TrainingOptions {
    @Option(names = "--epochs", paramLabel = "N", description = "Epochs to train. Default: ${DEFAULT-VALUE}.")
    int epochs = 10;

    @Option(names = "--batch", paramLabel = "N",
            description = "Mini-batch size; the last, smaller batch of an epoch is kept. Default: ${DEFAULT-VALUE}.")
    int batch = 128;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "sgd (PyTorch SGD) or adam (PyTorch Adam, betas 0.9/0.999, eps 1e-8). Default: ${DEFAULT-VALUE}.")
    String optimizer = "sgd";

    @Option(names = "--lr", paramLabel = "RATE", description = "Base learning rate. Default: 0.01.")
    double lr = 0.01;

    @Option(names = "--momentum", paramLabel = "M", description = "SGD momentum in [0, 1) (sgd only). Default: 0.9 for sgd.")
    Double momentum;

    @Option(names = "--nesterov", description = "Nesterov momentum (sgd with --momentum > 0).")
    boolean nesterov;

    @Option(names = "--weight-decay", paramLabel = "L2", description = "L2 weight decay added to the gradient. Default: 0.")
    double weightDecay = 0;

    @Option(names = "--schedule", paramLabel = "KIND",
            description = "Learning rate per epoch: constant; step (times --gamma every --step-size epochs); "
                    + "cosine (lr (1 + cos(pi e / epochs)) / 2, towards 0 at the end). Default: ${DEFAULT-VALUE}.")
    String schedule = "constant";

    @Option(names = "--step-size", paramLabel = "EPOCHS", description = "Epochs between decays of --schedule step. Default: 10.")
    Integer stepSize;

    @Option(names = "--gamma", paramLabel = "G", description = "Decay factor of --schedule step. Default: 0.1.")
    Double gamma;

    @Option(names = "--clip", paramLabel = "NORM", description = "Clip the global gradient norm to NORM; 0 turns clipping off. Default: 0.")
    double clip = 0;

    OptimizerSpec optimizerSpec() {
        String name = optimizer.trim().toLowerCase(Locale.ROOT);
        if (name.equals("adam") && momentum != null) throw new IllegalArgumentException("--momentum applies to --optimizer sgd only");
        double m = momentum != null ? momentum : name.equals("sgd") ? 0.9 : 0;
        return new OptimizerSpec(name, lr, m, nesterov, weightDecay);
    }

    Schedule scheduleSpec() {
        String kind = schedule.trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("step") && (stepSize != null || gamma != null)) {
            throw new IllegalArgumentException("--step-size and --gamma apply to --schedule step only");
        }
        return switch (kind) {
            case "step" -> Schedule.step(stepSize == null ? 10 : stepSize, gamma == null ? 0.1 : gamma);
            default -> new Schedule(kind, 0, 1.0);
        };
    }

}
