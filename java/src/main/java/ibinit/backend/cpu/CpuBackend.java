package ibinit.backend.cpu;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.ffm.NativeBackend;
import ibinit.backend.ffm.NativeLibraryHandle;

/** C kernels in libibinit_cpu.so, GEMM through OpenBLAS; tensors in host memory. */
public final class CpuBackend extends NativeBackend {
    private static final class Library {
        // Loaded on first use; OpenBLAS is looked up by soname first for a clear message.
        static final NativeLibraryHandle HANDLE =
                NativeLibraryHandle.load("cpu", "ibinit_cpu", "libopenblas.so.0", "libopenblas0");
    }

    private CpuBackend() { super("cpu", Library.HANDLE, true); }

    public static Backends.Probe probe() { return Library.HANDLE.probe(); }

    public static Backend open() { return new CpuBackend(); }
}
