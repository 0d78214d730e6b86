package ibinit.api;

/**
 * The data a data-driven method looks at: {@code rows} examples of {@code features} values each,
 * row-major in {@code x}, and their class labels {@code y} (0..classes-1; null for a method that
 * needs no labels, such as LSUV). Use a few hundred to a few thousand training examples, drawn
 * as you like (ibinit's CLI takes a seeded stratified sample).
 */
public record Sample(float[] x, int[] y, int rows, int features) {
    public Sample {
        if (rows < 1 || features < 1) throw new IllegalArgumentException("a sample needs rows and features, got " + rows + " x " + features);
        if ((long) rows * features != x.length) {
            throw new IllegalArgumentException("x has " + x.length + " values, not " + rows + " rows of " + features);
        }
        if (y != null && y.length != rows) throw new IllegalArgumentException(y.length + " labels for " + rows + " rows");
    }

    /** Rows of {@code features} values with their labels. */
    public static Sample of(float[] x, int[] y, int features) {
        if (features < 1 || x.length % features != 0) {
            throw new IllegalArgumentException("x has " + x.length + " values, not a whole number of rows of " + features);
        }
        return new Sample(x, y, x.length / features, features);
    }

    /** Rows without labels (LSUV). */
    public static Sample unlabelled(float[] x, int features) { return of(x, null, features); }
}
