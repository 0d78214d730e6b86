package ibinit.experiment;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.data.Dataset;
import ibinit.report.AtomicFiles;
import ibinit.report.Json;
import ibinit.rng.Streams;
import ibinit.sparse.SparseFiltering;
import ibinit.train.Shuffle;
import ibinit.weights.SafeTensors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sparse-filtering use case ({@code ibinit sparse-filter}): features W [features, dims]
 * learned by sparse filtering ({@link SparseFiltering}) on the first {@code sample} rows of a
 * seeded permutation of the training set (the initialization-sample rule of every command), from
 * W ~ N(0, 1) drawn where the {@code sparse-filtering} initializer draws its first layer's start
 * ({@link Streams#sparseFilteringStart}), so the same seed and sample give that initializer's
 * first-layer features before their rows are rescaled. There is no network: the data and the
 * backend are opened here with the layer's own pieces (DataLoader, Backends.openNamed).
 */
public final class SparseFilterFeatures {
    public static final String WEIGHTS = "sparse-filter.safetensors", HISTORY = "history.json";

    /** Validated options, named as the CLI names them. */
    public record Settings(int features, int iterations, int sample) {
        public Settings {
            if (features < 1) throw new IllegalArgumentException("--features must be >= 1, got " + features);
            if (iterations < 0) throw new IllegalArgumentException("--iterations must be >= 0, got " + iterations);
            if (sample < 1) throw new IllegalArgumentException("--init-sample must be >= 1, got " + sample);
        }
    }

    /** The fit, the rows it saw and where it ran. */
    public record Result(SparseFiltering.Result fit, int rows, String backend, double dataSeconds) { }

    private SparseFilterFeatures() { }

    /** Checks the data set loads (through the cache) and has rows; the backend can run here. */
    public static void check(DataSpec data, String backend, DataLoader loader) {
        Backends.check(backend);
        if (loader.load(data).train().size() == 0) throw new IllegalArgumentException("the training set of " + data.dataset() + " is empty");
    }

    public static Result run(DataSpec data, long seed, String backendName, Settings s, DataLoader loader, SparseFiltering.Listener listener) {
        long t0 = System.nanoTime();
        Dataset train = loader.load(data).train();
        int[] rows = Shuffle.initSample(seed, s.sample(), train.size());
        Dataset picked = train.subset(rows, train.name() + "/sparse-filter");
        double dataSeconds = (System.nanoTime() - t0) / 1e9;
        try (Backend b = Backends.openNamed(backendName)) {
            SparseFiltering sf = SparseFiltering.builder().features(s.features()).iterations(s.iterations())
                    .random(Streams.sparseFilteringStart(Streams.networkInit(seed), 0)).listener(listener).build();
            return new Result(sf.fit(b, picked.features(), picked.size(), picked.featureDim()), picked.size(), b.name(), dataSeconds);
        }
    }

    /** Writes W as safetensors (tensor {@code weight} [features, dims], metadata: the options) and the history as JSON. */
    public static void write(Result r, DataSpec data, long seed, Path dir) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("method", "sparse-filtering");
        meta.put("dataset", data.dataset());
        meta.put("seed", Long.toString(seed));
        meta.put("features", Integer.toString(r.fit().features()));
        meta.put("dims", Integer.toString(r.fit().dims()));
        meta.put("rows", Integer.toString(r.rows()));
        meta.put("iterations", Integer.toString(r.fit().history().size() - 1));
        meta.put("stop", r.fit().stop().name());
        meta.put("objective", Double.toString(r.fit().objective()));
        meta.put("backend", r.backend());
        try {
            SafeTensors.write(dir.resolve(WEIGHTS), List.of(new SafeTensors.Entry("weight", new int[] {r.fit().features(), r.fit().dims()},
                    r.fit().weights())), meta);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(WEIGHTS) + ": " + e.getMessage(), e);
        }
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("options", meta);
        history.put("seconds", r.fit().seconds());
        history.put("history", r.fit().history());
        AtomicFiles.write(dir.resolve(HISTORY), Json.write(history));
    }
}
