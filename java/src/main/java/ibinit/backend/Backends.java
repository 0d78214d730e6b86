package ibinit.backend;

import ibinit.backend.cpu.CpuBackend;
import ibinit.backend.cuda.CudaBackend;
import ibinit.backend.ref.ReferenceBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds and opens backends. {@code -Dibinit.backend=java|cpu|cuda} (or {@code IBINIT_BACKEND})
 * forces one; otherwise the best available is chosen (cuda, then cpu, then java) and one log
 * line says which and why.
 */
public final class Backends {
    private static final System.Logger LOG = System.getLogger(Backends.class.getName());
    /** The last choice logged: a grid opens a backend per run, and one line per choice is enough. */
    private static volatile String lastLogged;

    /** Best first. */
    public static final List<String> NAMES = List.of("cuda", "cpu", "java");

    /** Whether a backend can run here, and if not, why. */
    public record Probe(String name, boolean available, String reason) {
        public String line() { return available ? name + " available" : name + " unavailable " + reason; }
    }

    private Backends() { }

    public static Probe probe(String name) {
        return switch (normalize(name)) {
            case "java" -> new Probe("java", true, "");
            case "cpu" -> CpuBackend.probe();
            case "cuda" -> CudaBackend.probe();
            default -> throw unknown(name);
        };
    }

    public static List<Probe> probeAll() {
        List<Probe> out = new ArrayList<>();
        for (String n : NAMES) out.add(probe(n));
        return out;
    }

    /** Opens the named backend or throws {@link BackendUnavailableException} with the reason. */
    public static Backend open(String name) {
        String n = normalize(name);
        Probe p = probe(n);
        if (!p.available()) throw new BackendUnavailableException("backend " + n + " is unavailable: " + p.reason());
        return switch (n) {
            case "java" -> new ReferenceBackend();
            case "cpu" -> CpuBackend.open();
            case "cuda" -> CudaBackend.open();
            default -> throw unknown(name);
        };
    }

    /**
     * Checks, before any work, that the backend a run asks for can be opened here: {@code auto}
     * (the one forced by -Dibinit.backend / IBINIT_BACKEND, else the best available) or a name.
     * Throws IllegalArgumentException for an unknown name (an invalid IBINIT_BACKEND included) and
     * {@link BackendUnavailableException} with the reason for one that cannot run here.
     */
    public static void check(String name) {
        String n = name == null || name.isBlank() || name.trim().equalsIgnoreCase("auto") ? requestedChecked() : normalize(name);
        if (n == null) return; // auto: java is always there
        Probe p = probe(n);
        if (!p.available()) throw new BackendUnavailableException("backend " + n + " is unavailable: " + p.reason());
    }

    /** The backend {@link #openNamed} would open for {@code name}: for {@code auto} the forced one, else the best available. */
    public static String resolve(String name) {
        if (name != null && !name.isBlank() && !name.trim().equalsIgnoreCase("auto")) return normalize(name);
        String forced = requestedChecked();
        if (forced != null) return forced;
        for (String n : NAMES) if (probe(n).available()) return n;
        return "java";
    }

    /** Opens {@code name}, or for {@code auto} (or null) the default ({@link #openDefault}). */
    public static Backend openNamed(String name) {
        return name == null || name.isBlank() || name.trim().equalsIgnoreCase("auto") ? openDefault() : open(name);
    }

    /** A line saying what is wrong with -Dibinit.backend / IBINIT_BACKEND, or null when it is unset or valid. */
    public static String requestProblem() {
        try {
            requestedChecked();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String requestedChecked() {
        UserSetting s = UserSetting.read("ibinit.backend", "IBINIT_BACKEND");
        if (!s.isSet()) return null;
        String n = s.value().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(n)) throw new IllegalArgumentException(s.source() + "=" + s.value() + " names no backend (choose from java, cpu, cuda)");
        return n;
    }

    /** The pure-Java reference backend (the test oracle); always available. */
    public static Backend reference() { return new ReferenceBackend(); }

    /** The backend asked for by property or environment, else the best available; logs the choice. */
    public static Backend openDefault() {
        String forced = requested();
        ThreadPolicy.logOnce();
        if (forced != null) {
            Backend b = open(forced);
            logChoice("backend: " + b.name() + " (chosen by " + UserSetting.read("ibinit.backend", "IBINIT_BACKEND").source() + ")");
            return b;
        }
        StringBuilder skipped = new StringBuilder();
        for (String n : NAMES) {
            Probe p = probe(n);
            if (p.available()) {
                logChoice("backend: " + n + " (best available" + (skipped.isEmpty() ? "" : "; " + skipped) + ")");
                return open(n);
            }
            if (!skipped.isEmpty()) skipped.append("; ");
            skipped.append(n).append(" unavailable: ").append(p.reason());
        }
        throw new IllegalStateException("no backend available");
    }

    private static void logChoice(String line) {
        if (!line.equals(lastLogged)) {
            lastLogged = line;
            LOG.log(System.Logger.Level.INFO, line);
        }
    }

    /** Every backend that can run here, opened (for tests and benchmarks). */
    public static List<Backend> openAvailable() {
        List<Backend> out = new ArrayList<>();
        for (String n : NAMES) if (probe(n).available()) out.add(open(n));
        return out;
    }

    /** The name forced by -Dibinit.backend or IBINIT_BACKEND, or null. */
    public static String requested() {
        UserSetting s = UserSetting.read("ibinit.backend", "IBINIT_BACKEND");
        return s.isSet() ? normalize(s.value()) : null;
    }

    private static String normalize(String name) {
        if (name == null) throw unknown("null");
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(n)) throw unknown(name);
        return n;
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown backend '" + name + "' (choose from java, cpu, cuda)");
    }
}
