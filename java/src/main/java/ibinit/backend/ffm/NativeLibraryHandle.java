package ibinit.backend.ffm;

import ibinit.backend.BackendUnavailableException;
import ibinit.backend.Backends;

/**
 * One loaded native library of ibinit and the result of probing it, loaded at most once per JVM.
 * A library that cannot load, or whose probe fails, is reported as unavailable with the reason.
 */
public final class NativeLibraryHandle {
    private final String backendName;
    private final NativeKernels kernels;
    private final String unavailableReason;

    private NativeLibraryHandle(String backendName, NativeKernels kernels, String unavailableReason) {
        this.backendName = backendName;
        this.kernels = kernels;
        this.unavailableReason = unavailableReason;
    }

    /**
     * Loads {@code lib<libraryName>.so} after checking the system libraries it needs
     * (pairs of soname and Debian package), then probes it.
     */
    public static NativeLibraryHandle load(String backendName, String libraryName, String... sonameAndPackage) {
        try {
            for (int i = 0; i + 1 < sonameAndPackage.length; i += 2) {
                NativeLibraryLoader.requireSystemLibrary(sonameAndPackage[i], sonameAndPackage[i + 1]);
            }
            NativeKernels k = new NativeKernels("lib" + libraryName + ".so", NativeLibraryLoader.load(libraryName));
            return new NativeLibraryHandle(backendName, k, k.probe());
        } catch (BackendUnavailableException e) {
            return new NativeLibraryHandle(backendName, null, e.getMessage());
        }
    }

    public Backends.Probe probe() {
        return new Backends.Probe(backendName, unavailableReason == null, unavailableReason == null ? "" : unavailableReason);
    }

    NativeKernels kernels() {
        if (unavailableReason != null) {
            throw new BackendUnavailableException("backend " + backendName + " is unavailable: " + unavailableReason);
        }
        return kernels;
    }
}
