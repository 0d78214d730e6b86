package ibinit.backend;

import java.util.logging.Logger;

/**
 * The one thread setting of ibinit. Native kernels and OpenBLAS share one pool size, chosen by
 * {@code -Dibinit.threads=N} or the {@code IBINIT_THREADS} environment variable, else every
 * available core. Two busy pools must never compete for the same cores (measured here: PyTorch
 * with a second spinning pool ran 5x slower), so a parallel grid runs its cells with one
 * thread each and a single run uses them all; {@link #describe()} is logged once.
 */
public final class ThreadPolicy {
    private static final Logger LOG = Logger.getLogger(ThreadPolicy.class.getName());
    private static volatile boolean logged;

    private ThreadPolicy() { }

    /** Threads the kernels of one run may use. */
    public static int threads() {
        String v = System.getProperty("ibinit.threads");
        String source = "-Dibinit.threads";
        if (v == null || v.isBlank()) {
            v = System.getenv("IBINIT_THREADS");
            source = "IBINIT_THREADS";
        }
        if (v == null || v.isBlank()) return Runtime.getRuntime().availableProcessors();
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a positive integer, got '" + v + "'");
        }
    }

    public static String describe() {
        int n = threads();
        return "threads: " + n + " (native kernels and OpenBLAS share one pool; -Dibinit.threads or IBINIT_THREADS to change)";
    }

    /** Logs the policy once per JVM. */
    public static void logOnce() {
        if (!logged) {
            logged = true;
            LOG.info(describe());
        }
    }
}
