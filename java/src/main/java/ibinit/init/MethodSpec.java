package ibinit.init;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A method with options, as written on the command line: {@code name[:key=value,key,...]}, e.g.
 * {@code kaiming-normal:mode=fan_out}, {@code normal:std=0.01}, {@code lsuv:tol=0.1,iters=10}.
 * A key without a value means {@code true}.
 */
public record MethodSpec(String name, Map<String, String> options) {

    public static MethodSpec parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty initialization method");
        String t = text.trim();
        int colon = t.indexOf(':');
        String name = (colon < 0 ? t : t.substring(0, colon)).toLowerCase(Locale.ROOT).replace('_', '-');
        Map<String, String> options = new LinkedHashMap<>();
        if (colon >= 0) {
            for (String part : t.substring(colon + 1).split(",")) {
                if (part.isBlank()) continue;
                int eq = part.indexOf('=');
                String k = (eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                options.put(k, eq < 0 ? "true" : part.substring(eq + 1).trim());
            }
        }
        return new MethodSpec(name, Map.copyOf(options));
    }

    /** Rejects options the method does not know, naming them and the known ones. */
    public void allowOnly(Set<String> known) {
        for (String k : options.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("method " + name + " has no option '" + k + "'"
                        + (known.isEmpty() ? " (it takes none)" : " (options: " + String.join(", ", known) + ")"));
            }
        }
    }

    public String text(String key, String def) { return options.getOrDefault(key, def); }

    public double number(String key, double def) {
        String v = options.get(key);
        if (v == null) return def;
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " of " + name + " must be a number, got '" + v + "'");
        }
        if (!Double.isFinite(d)) throw new IllegalArgumentException("option " + key + " of " + name + " must be a finite number, got '" + v + "'");
        return d;
    }

    /** A finite number > 0. */
    public double positive(String key, double def) {
        double d = number(key, def);
        if (!(d > 0)) throw new IllegalArgumentException("option " + key + " of " + name + " must be > 0, got '" + options.get(key) + "'");
        return d;
    }

    public int integer(String key, int def) {
        String v = options.get(key);
        if (v == null) return def;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " of " + name + " must be an integer, got '" + v + "'");
        }
    }

    public boolean flag(String key, boolean def) {
        String v = options.get(key);
        if (v == null) return def;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("option " + key + " of " + name + " must be true or false, got '" + v + "'");
        };
    }

    @Override
    public String toString() {
        if (options.isEmpty()) return name;
        StringBuilder b = new StringBuilder(name).append(':');
        options.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> b.append(b.charAt(b.length() - 1) == ':' ? "" : ",").append(e.getKey()).append('=').append(e.getValue()));
        return b.toString();
    }
}
