package ibinit.data;

import java.net.URI;
import java.nio.file.Path;

/** Progress of a download, for a CLI progress line. Called on the downloading thread. */
@FunctionalInterface
public interface DownloadProgress {
    DownloadProgress NONE = (soFar, total) -> { };

    /** {@code bytesSoFar} received of {@code totalBytes} ({@code -1} when the server sent no length). */
    void update(long bytesSoFar, long totalBytes);

    /** A download of {@code uri} to {@code target} begins. */
    default void started(URI uri, Path target) { }
}
