package ibinit.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Default output folders: {@code runs/NAME-yyyyMMdd-HHmmss} under the working directory. */
final class OutputFolders {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private OutputFolders() { }

    static Path timestamped(String name) { return Path.of("runs", name + "-" + LocalDateTime.now().format(STAMP)); }
}
