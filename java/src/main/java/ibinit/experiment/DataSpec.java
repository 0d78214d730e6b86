package ibinit.experiment;

import ibinit.data.DataOptions;
import ibinit.data.Datasets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which data a run uses: a registered data set ({@link Datasets#NAMES}) and its options
 * ({@link DataOptions} keys: dataDir, fraction, seed, standardize, ...), sorted. The constructor
 * checks the name and the option keys; the values are checked when the data are loaded.
 */
public record DataSpec(String dataset, Map<String, String> options) {
    public DataSpec {
        String n = dataset == null ? "" : dataset.trim().toLowerCase(Locale.ROOT);
        if (!Datasets.NAMES.contains(n)) {
            throw new IllegalArgumentException("unknown --dataset '" + dataset + "' (choose from " + String.join(", ", Datasets.NAMES) + ")");
        }
        dataset = n;
        Map<String, String> sorted = new TreeMap<>();
        DataOptions parsed = DataOptions.of(options == null ? Map.of() : options); // data-dir and data_dir become dataDir
        for (String k : parsed.keys()) sorted.put(k, parsed.get(k).orElseThrow());
        var allowed = Datasets.allowedOptions(n);
        for (String k : sorted.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("--dataset " + n + " has no option '" + k + "' (its options: " + String.join(", ", allowed) + ")");
            }
        }
        options = java.util.Collections.unmodifiableMap(sorted);
    }

    public static DataSpec of(String dataset) { return new DataSpec(dataset, Map.of()); }

    public DataOptions dataOptions() { return DataOptions.of(options); }

    /** The same data with one more option (unless it is set already). */
    public DataSpec withDefault(String key, String value) {
        if (options.containsKey(key)) return this;
        Map<String, String> m = new TreeMap<>(options);
        m.put(key, value);
        return new DataSpec(dataset, m);
    }
}
