package ibinit.backend;


/**
 * The one thread setting of ibinit: the size of the native kernels' pool (OpenBLAS itself runs
 * single-threaded inside it, so results do not depend on this number), chosen by
 * {@code -Dibinit.threads=N} or the {@code IBINIT_THREADS} environment variable, else every
 * available core. Two busy pools must never compete for the same cores (measured here: PyTorch
 * with a second spinning pool ran 5x slower), so a parallel grid runs its cells with one
 * thread each and a single run uses them all; {@link #describe()} is logged once.
 *
 * <p>A grid executor sets a per-run value with {@link #callWith}: backends opened inside that
 * call use it. The native libraries keep one process-wide pool size (OpenBLAS's setting is
 * global), so every run of a parallel grid must use the same value, which the executor ensures.
 * Whatever the value, a run gives the same bits (the CPU kernels cut their work into fixed blocks),
 * unless GEMM is switched to OpenBLAS's own threading ({@link #gemmThreaded}): faster, with bits
 * that depend on the thread count.
 */
public final class ThreadPolicy {
    private static final System.Logger LOG = System.getLogger(ThreadPolicy.class.getName());
    private static volatile boolean logged;
    /** A per-run thread count, bound for the duration of {@link #callWith}; wins over the global setting. */
    private static final ScopedValue<Integer> OVERRIDE = ScopedValue.newInstance();

    private ThreadPolicy() { }

    /** Threads the kernels of one run may use. */
    public static int threads() {
        if (OVERRIDE.isBound()) return OVERRIDE.get();
        return configuredThreads();
    }

    /** The global setting (property, environment, or every core), ignoring any per-run value. */
    public static int configuredThreads() {
        UserSetting s = UserSetting.read("ibinit.threads", "IBINIT_THREADS");
        if (!s.isSet()) return Runtime.getRuntime().availableProcessors();
        try {
            int n = Integer.parseInt(s.value());
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s.source() + " must be a positive integer, got '" + s.value() + "'");
        }
    }

    /**
     * Whether the CPU backend's GEMM runs as one OpenBLAS call on OpenBLAS's threads
     * ({@code -Dibinit.gemm=threaded} or {@code IBINIT_GEMM=threaded}) instead of the default fixed
     * blocks ({@code blocked}), whose results do not depend on the thread count.
     */
    public static boolean gemmThreaded() {
        UserSetting s = UserSetting.read("ibinit.gemm", "IBINIT_GEMM");
        if (!s.isSet()) return false;
        return switch (s.value()) {
            case "blocked" -> false;
            case "threaded" -> true;
            default -> throw new IllegalArgumentException(s.source() + " must be blocked or threaded, got '" + s.value() + "'");
        };
    }

    /** Runs {@code task} with backends opened inside it using {@code threads} threads. */
    public static <T, X extends Throwable> T callWith(int threads, ScopedValue.CallableOp<T, X> task) throws X {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        return ScopedValue.where(OVERRIDE, threads).call(task);
    }

    public static String describe() {
        int n = threads();
        if (OVERRIDE.isBound()) {
            return "threads: " + n + " per run (set by the grid executor for its parallel runs, so their pools never compete)";
        }
        String wait = System.getenv("OMP_WAIT_POLICY");
        String results = gemmThreaded() ? "GEMM on OpenBLAS's threads (IBINIT_GEMM=threaded): results depend on the thread count"
                : "results independent of it";
        return "threads: " + n + " (one pool for the native kernels, " + results
                + "; -Dibinit.threads or IBINIT_THREADS to change; OMP_WAIT_POLICY=" + (wait == null ? "unset" : wait) + ")";
    }

    /** Logs the policy once per JVM. */
    public static void logOnce() {
        if (!logged) {
            logged = true;
            LOG.log(System.Logger.Level.INFO, describe());
        }
    }
}
