package ibinit.train;

import java.util.Map;

/** Loads a data set by name and options (the CLI adapts {@code ibinit.data} to this). */
@FunctionalInterface
public interface DataSource {
    TrainTestData load(String dataset, Map<String, String> options);
}
