package ibinit.data;

/**
 * Data could not be read, checked or fetched. The message names the file (or URL, or data set)
 * and the fault, so a user can act on it without a stack trace.
 */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) { super(message); }

    public DatasetException(String message, Throwable cause) { super(message, cause); }
}
