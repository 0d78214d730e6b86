package ibinit.backend.cuda;

import ibinit.backend.Backend;
import ibinit.backend.Backends;

/** Placeholder until the FFM binding lands. */
public final class CudaBackend {
    private CudaBackend() { }

    public static Backends.Probe probe() { return new Backends.Probe("cuda", false, "not built yet"); }

    public static Backend open() { throw new UnsupportedOperationException("cuda backend not built yet"); }
}
