package ibinit.cli.tools;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.sparse.ib.SparseFilteringIbExperiment;
import java.nio.file.Path;

/**
 * Runs the IB-reading experiments of docs/results/sparse-filtering.md
 * ({@link SparseFilteringIbExperiment}) and prints their summary:
 * {@code java -cp ibinit-cli-all.jar ibinit.cli.tools.SparseFilteringIbMain OUT [RUNS [ITERATIONS [NOISE_VARIANCE [EPOCHS]]]]}
 * (defaults 10, 500, 0.01, 200; the best available backend, -Dibinit.backend to choose).
 */
public final class SparseFilteringIbMain {
    private static final String USAGE = "usage: SparseFilteringIbMain OUT [RUNS [ITERATIONS [NOISE_VARIANCE [EPOCHS]]]]";

    private SparseFilteringIbMain() { }

    public static void main(String[] args) throws Exception {
        int runs, iterations, epochs;
        double noise;
        try {
            if (args.length < 1 || args.length > 5) throw new IllegalArgumentException("expected 1 to 5 arguments");
            runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
            iterations = args.length > 2 ? Integer.parseInt(args[2]) : 500;
            noise = args.length > 3 ? Double.parseDouble(args[3]) : 0.01;
            epochs = args.length > 4 ? Integer.parseInt(args[4]) : 200;
            if (runs < 1 || iterations < 1 || !(noise > 0) || epochs < 1) throw new IllegalArgumentException("every number must be positive");
        } catch (IllegalArgumentException e) {
            String why = e instanceof NumberFormatException ? "not a number: " + e.getMessage().replaceFirst("^For input string: ", "") : e.getMessage();
            System.err.println("SparseFilteringIbMain: " + why + " (" + USAGE + ")");
            System.exit(2);
            return;
        }
        try (Backend b = Backends.openDefault()) {
            System.out.print(SparseFilteringIbExperiment.run(b, Path.of(args[0]), runs, iterations, noise, epochs, System.out::println));
        }
    }
}
