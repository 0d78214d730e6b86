package ibinit.init.ibci;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the messages a logger publishes while open. */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level previous;
    final List<String> messages = new ArrayList<>();

    LogCapture(Class<?> source) {
        logger = Logger.getLogger(source.getName());
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    boolean any(String fragment) { return messages.stream().anyMatch(m -> m.contains(fragment)); }

    @Override public synchronized void publish(LogRecord r) { messages.add(r.getMessage()); }
    @Override public void flush() { }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
