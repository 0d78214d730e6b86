package ibinit.backend.ffm;

/**
 * A native kernel returned a non-zero status: an internal failure (out of memory, a CUDA error, a
 * bug that let bad arguments through), never a user's mistake, since Java checks everything the
 * user supplied before the call (see ibinit.h). It names the library, the kernel and the status.
 */
public final class NativeException extends RuntimeException {
    /** The status of a call that returns a pointer and gave NULL (ibinit_alloc). */
    public static final int NULL_POINTER = -1;

    private final String kernel;
    private final int status;

    public NativeException(String library, String kernel, int status, String detail) {
        super(library + ": native kernel " + kernel + " failed"
                + (status == NULL_POINTER ? "" : " with status " + status) + ": " + detail);
        this.kernel = kernel;
        this.status = status;
    }

    /** The kernel's name without the {@code ibinit_} prefix, e.g. {@code softmax_xent}. */
    public String kernel() { return kernel; }

    /** The non-zero status it returned, or {@link #NULL_POINTER}. */
    public int status() { return status; }
}
