package ibinit.backend.ffm;

/** A native kernel reported a failure (out of memory, a CUDA error); never a user's mistake. */
public final class NativeException extends RuntimeException {
    public NativeException(String message) { super(message); }
}
