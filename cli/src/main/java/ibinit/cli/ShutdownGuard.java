package ibinit.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Ctrl-C handling for long commands. The shutdown hook only asks the work to stop (checked
 * before every training step) and then waits, up to a bound, for the command to finish writing
 * what it has: every file is written atomically, so nothing is half-written, and the runs that
 * were cut short are not saved, so --resume runs them again.
 */
final class ShutdownGuard implements BooleanSupplier, AutoCloseable {
    private static final long WAIT_SECONDS = 30;

    private volatile boolean stop;
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    ShutdownGuard(PrintWriter err, String whatHappensNext) {
        hook = Thread.ofPlatform().name("ibinit-shutdown").unstarted(() -> {
            stop = true;
            err.println();
            err.println("ibinit: interrupted; stopping after the current step. " + whatHappensNext);
            err.flush();
            try {
                if (!done.await(WAIT_SECONDS, TimeUnit.SECONDS)) err.println("ibinit: gave up waiting after " + WAIT_SECONDS + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once Ctrl-C (or a TERM signal) was received. */
    @Override
    public boolean getAsBoolean() { return stop; }

    /** The command has written everything: the hook may let the JVM end. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down already: the hook is running and now returns
        }
    }
}
