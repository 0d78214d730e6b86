package ibinit.backend;

/** A backend cannot run here; the message says why and what to install. */
public final class BackendUnavailableException extends RuntimeException {
    public BackendUnavailableException(String message) { super(message); }
}
