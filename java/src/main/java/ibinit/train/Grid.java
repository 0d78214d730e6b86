package ibinit.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The cells of a comparison grid: protocols x architectures x seeds, seeds varying fastest. A
 * protocol is an initialization method with a smoothing protocol ({@code none} for plain steps).
 */
public final class Grid {
    private Grid() { }

    /** An initialization method and a smoothing protocol, trained together. */
    public record Protocol(String init, String smoothing) {
        /**
         * {@code INIT} or {@code INIT+SMOOTHING}, e.g. {@code normal:std=0.01+box:sigma=0.01,schedule=exp}
         * (split at the first '+', which no method name contains).
         */
        public static Protocol parse(String text) {
            int plus = text.indexOf('+');
            String init = (plus < 0 ? text : text.substring(0, plus)).trim();
            if (init.isEmpty()) throw new IllegalArgumentException("protocol '" + text + "' names no initialization method");
            return new Protocol(init, plus < 0 ? "none" : text.substring(plus + 1).trim());
        }
    }

    public static List<RunSpec> of(RunSpec base, List<String> methods, List<String> archs, List<Long> seeds) {
        return ofProtocols(base, methods.stream().map(m -> new Protocol(m, "none")).toList(), archs, seeds);
    }

    public static List<RunSpec> ofProtocols(RunSpec base, List<Protocol> protocols, List<String> archs, List<Long> seeds) {
        if (protocols.isEmpty() || archs.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one method, architecture and seed");
        }
        List<RunSpec> out = new ArrayList<>();
        for (Protocol p : protocols) {
            for (String a : archs) {
                for (long s : seeds) {
                    out.add(new RunSpec(base.dataset(), base.dataOptions(), a, base.activation(), base.activationParam(), p.init(),
                            base.biasInit(), base.initSample(), base.optimizer(), base.schedule(), base.epochs(), base.batch(),
                            base.clip(), s, base.backend(), p.smoothing()));
                }
            }
        }
        if (out.stream().distinct().count() != out.size()) throw new IllegalArgumentException("the grid lists a protocol twice");
        return List.copyOf(out);
    }

    /**
     * Seeds from the command line: a count {@code N} (seeds 1..N), a range {@code A..B}, or a
     * comma list {@code 3,7,11}.
     */
    public static List<Long> parseSeeds(String text) {
        String t = text.trim();
        try {
            List<Long> out = new ArrayList<>();
            if (t.contains("..")) {
                String[] ab = t.split("\\.\\.", -1);
                long a = Long.parseLong(ab[0].trim()), b = Long.parseLong(ab[1].trim());
                if (ab.length != 2 || b < a || b - a >= 100_000) throw new NumberFormatException();
                for (long s = a; s <= b; s++) out.add(s);
            } else if (t.contains(",")) {
                for (String p : t.split(",")) if (!p.isBlank()) out.add(Long.parseLong(p.trim()));
            } else {
                long n = Long.parseLong(t);
                if (n < 1 || n > 100_000) throw new NumberFormatException();
                for (long s = 1; s <= n; s++) out.add(s);
            }
            if (out.isEmpty() || out.stream().distinct().count() != out.size()) throw new NumberFormatException();
            return List.copyOf(out);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--seeds '" + text + "' is not a count N (seeds 1..N), a range A..B or a list of distinct seeds 3,7,11");
        }
    }

    /**
     * Splits a comma list of methods whose options are comma lists too
     * ({@code he,nio:t=50,gamma=2,lsuv:after-act}): an item whose name (before any ':') is not a
     * method, per {@code isMethod}, continues the options of the method before it.
     */
    public static List<String> parseMethodList(String option, String text, java.util.function.Predicate<String> isMethod) {
        List<String> out = new ArrayList<>();
        for (String p : text.split(",")) {
            if (p.isBlank()) continue;
            String t = p.trim();
            String name = t.contains(":") ? t.substring(0, t.indexOf(':')) : t;
            boolean continues = !out.isEmpty() && out.getLast().contains(":") && !isMethod.test(name.toLowerCase(java.util.Locale.ROOT));
            if (continues) out.set(out.size() - 1, out.getLast() + "," + t);
            else out.add(t);
        }
        if (out.isEmpty()) throw new IllegalArgumentException(option + " needs at least one value");
        if (out.stream().distinct().count() != out.size()) throw new IllegalArgumentException(option + " lists a value twice: " + text);
        return List.copyOf(out);
    }

    /** Splits a comma list, trimming and dropping empty items. */
    public static List<String> parseList(String option, String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split(",")) if (!p.isBlank()) out.add(p.trim());
        if (out.isEmpty()) throw new IllegalArgumentException(option + " needs at least one value");
        if (out.stream().distinct().count() != out.size()) throw new IllegalArgumentException(option + " lists a value twice: " + text);
        return List.copyOf(out);
    }
}
