package ibinit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/build-info.sh in a checkout, a dirty checkout, a tarball and a tarball inside another repository. */
class BuildInfoTest {
    static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    @TempDir Path tmp;

    @Test
    void thisBuildRecordsTheCommitOfItsCheckoutAndResultsCarryIt() throws Exception {
        assumeTrue(gitWorks() && Files.exists(PROJECT.resolve(".git")), "not built from a git checkout");
        BuildInfo b = BuildInfo.current();
        assertTrue(b.commit().matches("[0-9a-f]{40}"), b.commit());
        // the build's commit is HEAD or, when someone committed while the build ran, an ancestor of it
        assertEquals(b.commit(), git(PROJECT, "merge-base", b.commit(), "HEAD"), "the recorded commit belongs to this checkout's history");
        assertTrue(List.of("true", "false").contains(b.dirty()), b.dirty());
        Provenance p = Provenance.collect(null, Instant.EPOCH, Instant.EPOCH);
        assertEquals(b.commit(), p.gitCommit(), "results record the build's commit, whatever folder they run in");
        assertEquals(b.dirty(), p.gitDirty());
    }

    @Test
    void aFolderThatIsNoCheckoutGivesUnknown() throws Exception {
        Path tarball = Files.createDirectories(tmp.resolve("ibinit-0.1.0"));
        assertEquals(List.of("0.1.0", "unknown", "unknown"), run(tarball));
        assumeTrue(gitWorks());
        // unpacked inside some other repository: that repository's commit is not ibinit's
        git(tmp, "init", "-q");
        assertEquals(List.of("0.1.0", "unknown", "unknown"), run(tarball));
    }

    @Test
    void aCheckoutGivesItsCommitAndWhetherTrackedFilesChanged() throws Exception {
        assumeTrue(gitWorks());
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("a.txt"), "one");
        git(repo, "add", "a.txt");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "first");
        String head = git(repo, "rev-parse", "HEAD");
        Files.writeString(repo.resolve("untracked.txt"), "not part of the build's source");
        assertEquals(List.of("0.1.0", head, "false"), run(repo));
        Files.writeString(repo.resolve("a.txt"), "two");
        assertEquals(List.of("0.1.0", head, "true"), run(repo));
        assertEquals("Ibinit-Git-Commit: " + head + "\nIbinit-Git-Dirty: true\n",
                Files.readString(tmp.resolve("out/MANIFEST.MF")));
    }

    /** Runs the script on {@code root}; returns version, commit, dirty as written to the properties file. */
    private List<String> run(Path root) throws Exception {
        Path classes = tmp.resolve("out/classes");
        Process p = new ProcessBuilder("bash", PROJECT.resolve("scripts/build-info.sh").toString(), "0.1.0", root.toString(),
                classes.toString(), tmp.resolve("out/MANIFEST.MF").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Properties props = new Properties();
        try (var in = Files.newInputStream(classes.resolve("ibinit/build-info.properties"))) {
            props.load(in);
        }
        return List.of(props.getProperty("version"), props.getProperty("commit"), props.getProperty("dirty"));
    }

    private static boolean gitWorks() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String git(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
