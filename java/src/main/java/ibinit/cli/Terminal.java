package ibinit.cli;

import ibinit.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether progress may be drawn as a redrawn bar: a console exists and standard error is a terminal. */
public final class Terminal {
    private Terminal() { }

    public static boolean stderrIsInteractive() {
        java.io.Console console = System.console();
        if (console == null || !console.isTerminal()) return false;
        if ("dumb".equals(System.getenv("TERM"))) return false;
        // Java cannot ask isatty(2) directly; on Linux fd 2 of a terminal links to /dev/pts/N or /dev/ttyN.
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** A bar on a terminal, else one line per epoch; both end with a summary line. */
    public static TrainingListener progress(java.io.PrintWriter err, String prefix) {
        return stderrIsInteractive() ? new ProgressBar(err, prefix, true) : new EpochLines(err, prefix, true);
    }
}
