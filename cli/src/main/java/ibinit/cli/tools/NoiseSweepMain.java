package ibinit.cli.tools;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.info.NoiseSweep;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the data of docs/results/ib.md's Figure 2 as CSV ({@link NoiseSweep}):
 * {@code java -cp ibinit-cli-all.jar ibinit.cli.tools.NoiseSweepMain [STEPS [S2,S2,...]]}
 * (defaults 2,000 critic steps, sigma^2 from 1 to 1e-5; the best available backend).
 */
public final class NoiseSweepMain {
    private NoiseSweepMain() { }

    public static void main(String[] args) {
        int steps;
        List<Double> variances = new ArrayList<>();
        try {
            if (args.length > 2) throw new IllegalArgumentException("too many arguments");
            steps = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
            if (steps < 1) throw new IllegalArgumentException("STEPS must be >= 1");
            if (args.length > 1) for (String s : args[1].split(",")) variances.add(Double.parseDouble(s));
            else variances.addAll(NoiseSweep.defaultVariances());
            for (double v : variances) if (!(v > 0)) throw new IllegalArgumentException("every sigma^2 must be > 0, got " + v);
        } catch (IllegalArgumentException e) {
            String why = e instanceof NumberFormatException ? "not a number: " + e.getMessage().replaceFirst("^For input string: ", "") : e.getMessage();
            System.err.println("NoiseSweep: " + why + " (usage: NoiseSweepMain [STEPS [S2,S2,...]])");
            System.exit(2);
            return;
        }
        try (Backend b = Backends.openDefault(); NoiseSweep sweep = new NoiseSweep(b, steps)) {
            System.out.println(NoiseSweep.CSV_HEADER);
            sweep.sweep(variances, row -> {
                System.out.println(row);
                System.out.flush();
            });
        }
    }
}
