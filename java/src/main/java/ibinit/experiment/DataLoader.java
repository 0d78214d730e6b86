package ibinit.experiment;

import ibinit.data.DataSplit;
import ibinit.data.Datasets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the data a {@link DataSpec} names. */
@FunctionalInterface
public interface DataLoader {
    DataSplit load(DataSpec spec);

    /**
     * The data set registry, loading each spec once: a grid's runs share the arrays (they are only
     * read), so 60,000 images are not read per run.
     */
    static DataLoader cached() {
        Map<DataSpec, DataSplit> cache = new ConcurrentHashMap<>();
        // computeIfAbsent runs the load once per key even when parallel runs ask together
        return spec -> cache.computeIfAbsent(spec, s -> Datasets.load(s.dataset(), s.dataOptions()));
    }
}
