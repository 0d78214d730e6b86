package ibinit.report;

import ibinit.train.RunResult;
import ibinit.train.RunSpec;
import ibinit.train.RunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One JSON file per run in a folder: {@code runs/LABEL-HASH.json}, where HASH is the first 10 hex
 * digits of the SHA-256 of the run description's JSON, so changing any option gives a new file
 * instead of overwriting another run's result. A saved file counts as finished for a description
 * only if it parses, its description equals that one, and its status is final.
 */
public final class JsonRunStore implements RunStore {
    private static final System.Logger LOG = System.getLogger(JsonRunStore.class.getName());

    private final Path folder;

    public JsonRunStore(Path outDir) { this.folder = outDir.resolve("runs"); }

    public Path folder() { return folder; }

    public Path fileOf(RunSpec spec) { return folder.resolve(spec.label() + "-" + hash(spec) + ".json"); }

    @Override
    public Optional<RunResult> finished(RunSpec spec) {
        Path f = fileOf(spec);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            RunResult r = Json.read(Files.readString(f, StandardCharsets.UTF_8), RunResult.class);
            if (!spec.equals(r.run())) {
                LOG.log(System.Logger.Level.WARNING, f + " describes another run; running this one again");
                return Optional.empty();
            }
            return r.isFinal() ? Optional.of(r) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read " + f + " (" + e.getMessage() + "); running it again");
            return Optional.empty();
        }
    }

    @Override
    public void save(RunResult result) { AtomicFiles.write(fileOf(result.run()), Json.write(result)); }

    /**
     * The first 10 hex digits of the SHA-256 of the description's JSON. Without smoothing the
     * field is left out, so runs saved before it existed keep their file names (and --resume finds them).
     */
    static String hash(RunSpec spec) {
        String json = Json.write(spec);
        if (spec.smoothing().equals("none")) {
            com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
            o.remove("smoothing");
            json = Json.write(o);
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
