package ibinit.cli;

/** A mistake in the user's input found while a command runs; printed as one line, exit code 2. */
public final class UserException extends RuntimeException {
    public UserException(String message) { super(message); }

    public UserException(String message, Throwable cause) { super(message, cause); }
}
