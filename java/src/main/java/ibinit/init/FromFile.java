package ibinit.init;

import ibinit.nn.Sequential;
import ibinit.weights.NetworkWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Initial weights from a safetensors file ({@code ibinit init --out}, or PyTorch's
 * {@code safetensors.torch.save_file} of a state dict with the same names). Registered as
 * {@code file:path=FILE}. Names and shapes must match the network exactly; the error names every
 * mismatch. Uses neither the random stream nor the data sample.
 */
public final class FromFile implements Initializer {
    private final Path file;

    public FromFile(Path file) { this.file = file; }

    public Path file() { return file; }

    @Override public String name() { return "file:path=" + file; }

    @Override
    public void initialize(Sequential net, InitContext context) {
        try {
            NetworkWeights.load(net, file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("weights file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read weights file " + file, e);
        }
    }
}
