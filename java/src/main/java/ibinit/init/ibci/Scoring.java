package ibinit.init.ibci;

import java.util.Locale;

/** How a candidate's two information terms are measured. */
public enum Scoring {
    /**
     * The authors' code (the default): input term = standard deviation of the output over the
     * sample; target term = std over classes of the class means minus the mean over classes of
     * the class standard deviations; each normalized by its L2 norm over the pool.
     */
    AUTHORS,
    /**
     * The paper's form: input term = variance of the output (its share of tr Sigma); target term =
     * between-class variance minus within-class variance, classes weighted by their sizes; each
     * normalized by its L2 norm over the pool.
     */
    PAPER;

    public static Scoring parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "authors" -> AUTHORS;
            case "paper" -> PAPER;
            default -> throw new IllegalArgumentException("ibci: unknown scoring '" + s + "' (authors or paper)");
        };
    }
}
