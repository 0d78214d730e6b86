package ibinit.train;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What this copy of ibinit was built from, as recorded at build time by scripts/build-info.sh
 * (resource {@code ibinit/build-info.properties}; the same values are in the jar manifest as
 * {@code Implementation-Version}, {@code Ibinit-Git-Commit}, {@code Ibinit-Git-Dirty}): the
 * version, the git commit and whether tracked files had uncommitted changes. Never looked up at
 * run time: the folder a user runs ibinit in says nothing about ibinit. "unknown" where the build
 * had no git checkout (a source tarball); version "dev" where no build info is on the class path.
 */
public record BuildInfo(String version, String commit, String dirty) {
    static final String RESOURCE = "/ibinit/build-info.properties";
    private static final BuildInfo CURRENT = load();

    /** This copy's build info. */
    public static BuildInfo current() { return CURRENT; }

    /** One line: {@code 0.1.0 (commit 1a2b3c..., dirty)}. */
    public String describe() {
        String state = switch (dirty) {
            case "true" -> ", with uncommitted changes";
            case "false" -> "";
            default -> ", clean state unknown";
        };
        return version + " (commit " + commit + (commit.equals("unknown") ? "" : state) + ")";
    }

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // unreadable build info is the same as none: say "unknown", never fail a run for it
        }
        return new BuildInfo(p.getProperty("version", "dev"), p.getProperty("commit", "unknown"), p.getProperty("dirty", "unknown"));
    }
}
