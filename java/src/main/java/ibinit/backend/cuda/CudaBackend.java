package ibinit.backend.cuda;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.ffm.NativeBackend;
import ibinit.backend.ffm.NativeLibraryHandle;

/**
 * CUDA kernels in libibinit_cuda.so (CUDA runtime linked statically; cuBLAS opened at run time by
 * the library); tensors in GPU memory. Without a GPU the probe reports "no CUDA device".
 */
public final class CudaBackend extends NativeBackend {
    private static final class Library {
        static final NativeLibraryHandle HANDLE = NativeLibraryHandle.load("cuda", "ibinit_cuda");
    }

    private CudaBackend() { super("cuda", Library.HANDLE, false); }

    public static Backends.Probe probe() { return Library.HANDLE.probe(); }

    public static Backend open() { return new CudaBackend(); }
}
