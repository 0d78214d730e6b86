package ibinit.init;

import ibinit.nn.Sequential;
import ibinit.weights.NetworkWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Initial weights from a safetensors file ({@code ibinit init --out}, or PyTorch's
 * {@code safetensors.torch.save_file} of a state dict with the same names). Registered as
 * {@code file:path=FILE}. Names and shapes must match the network exactly; the error names every
 * mismatch. Uses neither the random stream nor the data sample.
 */
public final class FromFile implements Initializer {
    /** The registry entry: {@code file:path=FILE}. */
    public static final InitMethod METHOD = new InitMethod("file", List.of(), "path=FILE",
            "weights read from a safetensors file (as `ibinit init` writes them; names and shapes must match)", (s, env) -> {
                s.allowOnly(Set.of("path"));
                String path = s.options().get("path");
                if (path == null || path.isBlank()) throw new IllegalArgumentException("method file needs path=FILE.safetensors");
                return new FromFile(Path.of(path));
            }, true);

    private final Path file;

    public FromFile(Path file) { this.file = file; }

    public Path file() { return file; }

    @Override public String name() { return "file:path=" + file; }

    @Override
    public void initialize(Sequential net, InitContext context) { load(net, file); }

    /** The typed entry point: {@code net}'s parameters from {@code file}; a missing or mismatching file is an IllegalArgumentException. */
    public static void load(Sequential net, Path file) {
        try {
            NetworkWeights.load(net, file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("weights file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read weights file " + file + ": " + e.getMessage(), e);
        }
    }
}
