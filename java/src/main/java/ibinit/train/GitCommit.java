package ibinit.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The commit ibinit was built from, when it can be found: {@code git rev-parse HEAD} run in the
 * nearest folder (upward from the working directory, then from the jar or classes folder) that
 * holds a {@code .git} entry. "unknown" otherwise (no git, no repository, a timeout). Looked up
 * once per JVM.
 */
final class GitCommit {
    private static volatile String cached;

    private GitCommit() { }

    static String head() {
        String c = cached;
        if (c == null) cached = c = lookUp();
        return c;
    }

    private static String lookUp() {
        for (Path start : new Path[] {Path.of("").toAbsolutePath(), codeLocation()}) {
            Path repo = nearestRepository(start);
            if (repo == null) continue;
            String commit = revParse(repo);
            if (commit != null) return commit;
        }
        return "unknown";
    }

    private static Path codeLocation() {
        try {
            return Path.of(GitCommit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception | Error e) {
            return null;
        }
    }

    static Path nearestRepository(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) return p;
        }
        return null;
    }

    private static String revParse(Path repo) {
        try {
            Process proc = new ProcessBuilder("git", "rev-parse", "HEAD").directory(repo.toFile())
                    .redirectErrorStream(true).start();
            proc.getOutputStream().close();
            if (!proc.waitFor(5, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                return null;
            }
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return proc.exitValue() == 0 && out.matches("[0-9a-f]{40,64}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
