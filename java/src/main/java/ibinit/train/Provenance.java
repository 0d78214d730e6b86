package ibinit.train;

import ibinit.backend.Backend;
import ibinit.backend.ThreadPolicy;
import java.time.Instant;

/**
 * Where and how a run ran, for its result file: the ibinit version, the git commit it was built
 * from and whether that build had uncommitted changes ({@link BuildInfo}; "unknown" for a build
 * outside a git checkout; never the folder the run was started in), Java, the OS, the backend with its thread count and the thread policy, the
 * CPU count, and the start and end times (ISO-8601, UTC).
 */
public record Provenance(String ibinitVersion, String gitCommit, String gitDirty, String javaVersion, String javaVendor, String os,
                         int availableProcessors, String backend, int backendThreads, String threadPolicy,
                         String started, String finished) {

    public static Provenance collect(Backend backend, Instant started, Instant finished) {
        BuildInfo build = BuildInfo.current();
        return new Provenance(build.version(), build.commit(), build.dirty(), Runtime.version().toString(),
                System.getProperty("java.vendor", "unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), backend == null ? "none" : backend.name(),
                backend == null ? 0 : backend.threads(), ThreadPolicy.describe(), started.toString(), finished.toString());
    }
}
