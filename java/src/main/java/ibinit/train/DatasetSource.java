package ibinit.train;

import ibinit.data.DataOptions;
import ibinit.data.DataSplit;
import ibinit.data.Dataset;
import ibinit.data.Datasets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DataSource} over the {@code ibinit.data} registry, loading each (name, options) once: a
 * grid's runs share the arrays (they are only read), so 60,000 images are not read per run.
 */
public final class DatasetSource implements DataSource {
    private final Map<String, TrainTestData> cache = new ConcurrentHashMap<>();

    @Override
    public TrainTestData load(String dataset, Map<String, String> options) {
        // computeIfAbsent runs the load once per key even when parallel runs ask together
        return cache.computeIfAbsent(dataset + " " + new java.util.TreeMap<>(options), k -> convert(Datasets.load(dataset, DataOptions.of(options))));
    }

    static TrainTestData convert(DataSplit split) {
        return new TrainTestData(convert(split.train()), convert(split.test()), split.description());
    }

    static TrainingData convert(Dataset d) {
        return new TrainingData(d.features(), d.labels(), d.featureDim(), d.classes());
    }
}
