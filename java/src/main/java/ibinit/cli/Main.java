package ibinit.cli;

import ibinit.backend.BackendUnavailableException;
import ibinit.data.DatasetException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/ibinit}. */
@Command(name = "ibinit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Information-bottleneck guided initialization of neural networks.",
        subcommands = {BackendsCommand.class, SelfCheckCommand.class, TrainCommand.class, CompareCommand.class,
                InitCommand.class, InfoPlaneCommand.class, IbTrainCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for a user mistake (bad option, bad input). */
    public static final int EXIT_USAGE = 2;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required (try `ibinit --help`)");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (tests call this). */
    public static int run(String... args) {
        Logging.configure();
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler(Main::onBadArguments);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> onFailure(ex, cmd));
        return cl;
    }

    /** A bad option: one line saying what is wrong, then the usage, exit 2. */
    private static int onBadArguments(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("ibinit: " + ex.getMessage());
        cmd.usage(err);
        return EXIT_USAGE;
    }

    /** A user mistake found while running: one line, exit 2; anything else (a native kernel's
     * failure included: Java checks what the user supplied before calling one) is a bug and keeps its trace. */
    static int onFailure(Exception ex, CommandLine cmd) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof IllegalArgumentException || ex instanceof BackendUnavailableException || ex instanceof UserException
                || ex instanceof DatasetException || ex instanceof java.io.UncheckedIOException) { // e.g. an --out that cannot be written
            err.println("ibinit: " + ex.getMessage());
            return EXIT_USAGE;
        }
        err.println("ibinit: internal error (please report): " + ex);
        ex.printStackTrace(err);
        return 1;
    }
}
