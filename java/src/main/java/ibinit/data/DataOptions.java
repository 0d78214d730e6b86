package ibinit.data;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Options for {@link Datasets#load}: string key/value pairs as a CLI passes them
 * ({@code --data-option testSize=1000}), read back with typed getters whose errors name the option.
 * Keys are camelCase; kebab-case spellings ({@code data-dir}) are accepted and normalized.
 * Immutable: {@link #with} returns a copy.
 */
public final class DataOptions {
    /** Folder holding the data set's files. */
    public static final String DATA_DIR = "dataDir";
    /** Seed for every random choice the data layer makes (splits, fractions, synthetic draws). Default 0. */
    public static final String SEED = "seed";
    /** Stratified fraction of the training set to keep, in (0, 1]. Default 1. */
    public static final String FRACTION = "fraction";
    /** {@code none}, {@code global} or {@code per-feature}; statistics from the training set. Default none. */
    public static final String STANDARDIZE = "standardize";
    /** Image data: {@code unit} (divide by 255, the default) or {@code none} (raw 0..255). */
    public static final String SCALE = "scale";
    public static final String TRAIN_SIZE = "trainSize";
    public static final String TEST_SIZE = "testSize";
    public static final String CLASSES = "classes";
    public static final String DIMS = "dims";
    public static final String SEPARATION = "separation";

    private final Map<String, String> values;

    private DataOptions(Map<String, String> values) { this.values = values; }

    public static DataOptions defaults() { return new DataOptions(Map.of()); }

    /** From a map of key to value. */
    public static DataOptions of(Map<String, String> map) {
        Map<String, String> v = new LinkedHashMap<>();
        map.forEach((k, val) -> v.put(normalizeKey(k), val));
        return new DataOptions(v);
    }

    /** From alternating keys and values: {@code of("seed", "3", "fraction", "0.01")}. */
    public static DataOptions of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values must pair up");
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) v.put(normalizeKey(keysAndValues[i]), keysAndValues[i + 1]);
        return new DataOptions(v);
    }

    /** From {@code key=value} strings, as given on a command line. */
    public static DataOptions parse(Collection<String> keyEqualsValue) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String s : keyEqualsValue) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw new DatasetException("data option '" + s + "' is not key=value");
            v.put(normalizeKey(s.substring(0, eq).trim()), s.substring(eq + 1).trim());
        }
        return new DataOptions(v);
    }

    public DataOptions with(String key, Object value) {
        Map<String, String> v = new LinkedHashMap<>(values);
        v.put(normalizeKey(key), String.valueOf(value));
        return new DataOptions(v);
    }

    public Set<String> keys() { return values.keySet(); }

    /** The options as key to value, in the order given. */
    public Map<String, String> asMap() { return java.util.Collections.unmodifiableMap(values); }

    public Optional<String> get(String key) { return Optional.ofNullable(values.get(key)); }

    public Optional<Path> path(String key) { return get(key).map(Path::of); }

    public long longValue(String key, long fallback) {
        String s = values.get(key);
        if (s == null) return fallback;
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw bad(key, s, "an integer");
        }
    }

    /** An int of at least {@code min}. */
    public int intValue(String key, int fallback, int min) {
        long v = longValue(key, fallback);
        if (v < min || v > Integer.MAX_VALUE) throw bad(key, values.get(key), "an integer >= " + min);
        return (int) v;
    }

    public double doubleValue(String key, double fallback) {
        String s = values.get(key);
        if (s == null) return fallback;
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) throw bad(key, s, "a finite number");
            return v;
        } catch (NumberFormatException e) {
            throw bad(key, s, "a number");
        }
    }

    public String string(String key, String fallback) { return values.getOrDefault(key, fallback); }

    /** Throws if any key is not in {@code allowed}; the message lists the allowed keys. */
    public void requireOnly(String dataset, Collection<String> allowed) {
        for (String k : values.keySet()) {
            if (!allowed.contains(k)) {
                throw new DatasetException("data set " + dataset + " has no option '" + k + "'; its options are "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    private static DatasetException bad(String key, String value, String expected) {
        return new DatasetException("data option " + key + "=" + value + ": expected " + expected);
    }

    /** {@code data-dir} and {@code data_dir} become {@code dataDir}. */
    static String normalizeKey(String key) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : key.toCharArray()) {
            if (ch == '-' || ch == '_') { upper = out.length() > 0; continue; }
            out.append(upper ? Character.toUpperCase(ch) : ch);
            upper = false;
        }
        return out.toString();
    }

    /** The options every data set accepts (applied after loading). */
    static final List<String> COMMON = List.of(SEED, FRACTION, STANDARDIZE);

    @Override public String toString() { return values.toString(); }
}
