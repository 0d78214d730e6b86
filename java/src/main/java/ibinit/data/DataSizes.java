package ibinit.data;

import java.util.Locale;

/**
 * Checks, before anything is allocated, that a data set of the asked size fits: its features in
 * one Java array, and the whole set (features and labels, with room for one converted copy) in
 * what the Java heap can still give. A size beyond either is the user's option, so the error is
 * one line naming it.
 */
public final class DataSizes {
    /** What a Java array can hold. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private DataSizes() { }

    /**
     * @param what names the option in the message, e.g. {@code "synthetic: trainSize=200000000 x dims=20"}
     * @param rows examples of every split together
     */
    public static void requireFits(String what, long rows, long featureDim) {
        long values = rows * featureDim;
        if (rows < 0 || featureDim < 0 || (featureDim != 0 && values / featureDim != rows) || values > MAX_ARRAY) {
            throw new DatasetException(what + " gives " + rows + " x " + featureDim + " feature values, more than the "
                    + MAX_ARRAY + " one array can hold");
        }
        // features and labels, plus one copy when they are converted for training
        long bytes = 2 * (4 * values + 4 * rows);
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > free) {
            throw new DatasetException(String.format(Locale.ROOT,
                    "%s needs about %.1f GiB of Java heap, more than the %.1f GiB free (raise it with JAVA_OPTS=-Xmx...)",
                    what, bytes / 1073741824.0, free / 1073741824.0));
        }
    }
}
