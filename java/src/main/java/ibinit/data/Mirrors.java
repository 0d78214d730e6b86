package ibinit.data;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Base URLs that data files are fetched from. Each data set has a default (the maintainers'
 * published location); a user or a project mirror overrides it with {@code -Dibinit.mirror.<dataset>=URL},
 * the environment variable {@code IBINIT_MIRROR_<DATASET>} (upper case, '-' as '_'), or by passing a
 * base URL to {@link DatasetFetcher} directly (the CLI's option). Integrity never depends on the
 * host: every file is checked against {@link KnownFiles}.
 */
public final class Mirrors {
    /** Fashion-MNIST's address in its README (plain http: an S3 website endpoint); MNIST: the PyTorch mirror. */
    public static final Map<String, String> DEFAULT_BASE_URLS = Map.of(
            FashionMnist.NAME, "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
            Mnist.NAME, "https://ossci-datasets.s3.amazonaws.com/mnist/");

    private Mirrors() { }

    /** The configured base URL for {@code dataset}: system property, then environment, then default. */
    public static String baseUrl(String dataset) {
        return baseUrl(dataset, System::getProperty, System::getenv);
    }

    static String baseUrl(String dataset, UnaryOperator<String> properties, UnaryOperator<String> env) {
        String d = dataset.toLowerCase(Locale.ROOT);
        String fromProperty = properties.apply("ibinit.mirror." + d);
        if (fromProperty != null && !fromProperty.isBlank()) return fromProperty;
        String fromEnv = env.apply("IBINIT_MIRROR_" + d.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (fromEnv != null && !fromEnv.isBlank()) return fromEnv;
        String fallback = DEFAULT_BASE_URLS.get(d);
        if (fallback == null) throw new DatasetException("no mirror is known for data set '" + dataset + "'");
        return fallback;
    }

    /** {@code base} joined with {@code fileName}, with exactly one '/' between them. */
    public static URI resolve(String base, String fileName) {
        return URI.create(base.endsWith("/") ? base + fileName : base + "/" + fileName);
    }
}
