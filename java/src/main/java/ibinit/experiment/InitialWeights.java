package ibinit.experiment;

import ibinit.init.LayerScales;
import ibinit.weights.NetworkWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The initial-weights use case ({@code init}, {@code train --save-init}): writes the experiment's
 * freshly initialized network as safetensors, named as {@link ibinit.nn.Parameter#name()}, with
 * the options that made it in the metadata.
 */
public final class InitialWeights {
    public static final String FILE = "init.safetensors";

    private InitialWeights() { }

    /** Writes the weights; returns true when {@code file} existed and was replaced. */
    public static boolean write(Experiment e, Path file) {
        ExperimentSpec s = e.spec();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("method", e.initializer().name());
        meta.put("seed", Long.toString(s.seed()));
        meta.put("arch", s.network().arch());
        meta.put("activation", s.network().activation());
        meta.put("dataset", s.data().dataset());
        meta.put("sample", Integer.toString(Math.min(s.init().sample(), e.data().train().size())));
        meta.put("backend", e.backend().name());
        boolean replaced = Files.exists(file);
        try {
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            NetworkWeights.save(e.network(), file, meta);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
        return replaced;
    }

    /** Each dense layer's scale at initialization on the initialization sample ({@link LayerScales}). */
    public static java.util.List<LayerScales> scales(Experiment e) {
        ibinit.data.Dataset sample = e.initSample();
        try (ibinit.tensor.Tensor x = e.backend().fromArray(sample.features(), sample.size(), sample.featureDim())) {
            return LayerScales.measure(e.network(), x);
        }
    }
}
