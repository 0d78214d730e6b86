package ibinit.cli;

import ibinit.backend.BackendUnavailableException;
import ibinit.data.DatasetException;
import java.io.PrintWriter;
import java.util.List;
import ibinit.experiment.OutputFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/ibinit}. */
@Command(name = "ibinit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Information-bottleneck guided initialization of neural networks.",
        subcommands = {BackendsCommand.class, SelfCheckCommand.class, TrainCommand.class, CompareCommand.class,
                InitCommand.class, InfoPlaneCommand.class, IbTrainCommand.class, SparseFilterCommand.class, SummarizeCommand.class, DataCommand.class,
                CommandLine.HelpCommand.class})
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
        try {
            return cl.execute(args);
        } finally {
            OutputFolder.releaseAll(); // the OS releases them at exit too; this is for callers in one JVM
        }
    }

    static CommandLine commandLine() {
        Help.publishMethods();
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler(Main::onBadArguments);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> onFailure(ex, cmd));
        return cl;
    }

    /**
     * A bad option: the one line saying what is wrong, a suggestion where one is close
     * ("did you mean --epochs?"), and where to find the help; exit 2. Never the whole usage.
     */
    private static int onBadArguments(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("ibinit: " + firstLine(ex.getMessage()));
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> close = new java.util.ArrayList<>();
            for (String a : u.getUnmatched()) if (RENAMED.containsKey(a)) close.add(RENAMED.get(a));
            u.getSuggestions().stream().filter(x -> !x.isBlank() && !close.contains(x)).limit(3 - Math.min(3, close.size())).forEach(close::add);
            if (!close.isEmpty()) err.println("did you mean " + String.join(" or ", close) + "?");
        }
        err.println("see `" + cmd.getCommandSpec().qualifiedName() + " --help`");
        err.flush();
        return EXIT_USAGE;
    }

    /** Options renamed when every command got the same names: the old name suggests the new one. */
    private static final java.util.Map<String, String> RENAMED = java.util.Map.of("--method", "--init", "--bias", "--bias-init",
            "--sample", "--init-sample");

    private static String firstLine(String message) {
        if (message == null) return "bad arguments";
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /** A user mistake found while running: one line, exit 2; anything else (a native kernel's
     * failure included: Java checks what the user supplied before calling one) is a bug and keeps its trace. */
    static int onFailure(Exception ex, CommandLine cmd) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof IllegalArgumentException || ex instanceof BackendUnavailableException
                || ex instanceof DatasetException || ex instanceof java.io.UncheckedIOException) { // e.g. an --out that cannot be written
            err.println("ibinit: " + firstLine(ex.getMessage()));
            err.flush();
            return EXIT_USAGE;
        }
        err.println("ibinit: internal error (please report): " + ex);
        ex.printStackTrace(err);
        return 1;
    }
}
