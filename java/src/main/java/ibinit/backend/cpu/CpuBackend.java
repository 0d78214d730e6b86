package ibinit.backend.cpu;

import ibinit.backend.Backend;
import ibinit.backend.Backends;

/** Placeholder until the FFM binding lands. */
public final class CpuBackend {
    private CpuBackend() { }

    public static Backends.Probe probe() { return new Backends.Probe("cpu", false, "not built yet"); }

    public static Backend open() { throw new UnsupportedOperationException("cpu backend not built yet"); }
}
