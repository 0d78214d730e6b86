package ibinit.info.ib;

import ibinit.backend.Backend;
import ibinit.nn.Adam;
import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import ibinit.weights.SafeTensors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IB run's state at a step boundary, in one safetensors file written atomically: every network
 * parameter ({@code net.NAME}); when a stage is under way, its optimizer's moments
 * ({@code opt.NAME.m}, {@code .v}) and each critic's parameters and moments ({@code dy.NAME},
 * {@code dy.adam.NAME.m}, ...); in the metadata the step, the settings' fingerprint, the Adam step
 * counts, each critic's moving averages, the finished stages and the seconds spent so far.
 */
final class IbCheckpoint {
    static final String FORMAT = "ibinit-ib-checkpoint-1";

    /** What a checkpoint holds, as read. */
    record Contents(long step, double seconds, List<IbOutcome.StageSummary> stages, SafeTensors.Contents raw) { }

    private IbCheckpoint() { }

    /** Checkpoint metadata key of the run's identity: every result-changing option, one "name\tvalue" per line. */
    static final String IDENTITY = "identity";

    static void save(Path file, IbConfig c, Map<String, String> identity, long step, Sequential net, StageState st, List<IbOutcome.StageSummary> stages, double seconds) {
        Backend b = net.backend();
        List<SafeTensors.Entry> entries = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("config", c.fingerprint());
        meta.put(IDENTITY, encodeIdentity(identity));
        meta.put("step", Long.toString(step));
        meta.put("seconds", Double.toString(seconds));
        meta.put("stages", encode(stages));
        for (Parameter p : net.parameters()) entries.add(entry(b, "net." + p.name(), p.value()));
        if (st != null) {
            meta.put("stage.start", Long.toString(st.stage.start()));
            addOptimizer(b, "opt.", st.adam, st.params, entries, meta);
            if (st.terms != null) {
                for (Map.Entry<String, IbCritic> e : st.terms.critics().entrySet()) {
                    String k = e.getKey();
                    IbCritic critic = e.getValue();
                    for (Parameter p : critic.parameters()) entries.add(entry(b, k + "." + p.name(), p.value()));
                    addOptimizer(b, k + ".adam.", critic.adam(), critic.parameters(), entries, meta);
                    meta.put(k + ".logEma", Double.toString(critic.logMovingAverage()));
                    meta.put(k + ".estimate", Double.toString(critic.estimate()));
                }
            }
        }
        try {
            SafeTensors.write(file, entries, meta);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a checkpoint made under the same settings; otherwise one line says what differs. */
    static Contents read(Path file, IbConfig c, Map<String, String> identity) {
        SafeTensors.Contents raw;
        try {
            raw = SafeTensors.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> m = raw.metadata();
        if (!FORMAT.equals(m.get("format"))) throw new IllegalArgumentException(file + " is not an ib-train checkpoint");
        if (m.get(IDENTITY) != null) {
            Map<String, String> saved = decodeIdentity(m.get(IDENTITY));
            List<String> differ = new ArrayList<>();
            java.util.Set<String> keys = new java.util.TreeSet<>(saved.keySet());
            keys.addAll(identity.keySet());
            for (String k : keys) {
                String was = saved.get(k), now = identity.get(k);
                if (!java.util.Objects.equals(was, now)) differ.add(k + " " + (was == null ? "(unset)" : was) + " (now " + (now == null ? "unset" : now) + ")");
            }
            if (!differ.isEmpty()) {
                throw new IllegalArgumentException("--resume: " + file + " was made with other options: " + String.join(", ", differ)
                        + "; give the same options or choose another --out");
            }
        }
        if (!c.fingerprint().equals(m.get("config"))) {
            throw new IllegalArgumentException("--resume: " + file + " was made with other settings (" + m.get("config") + "); give the same options");
        }
        return new Contents(Long.parseLong(m.get("step")), Double.parseDouble(m.get("seconds")), decode(m.get("stages")), raw);
    }

    static void restoreNetwork(Contents cp, Sequential net) {
        for (Parameter p : net.parameters()) copyIn(cp, "net." + p.name(), p.value());
    }

    /** Restores a stage's optimizer and critics; the stage must be the one the checkpoint was taken in. */
    static void restoreStage(Contents cp, StageState st) {
        Map<String, String> m = cp.raw().metadata();
        if (!Long.toString(st.stage.start()).equals(m.get("stage.start"))) {
            throw new IllegalStateException("checkpoint at step " + cp.step() + " holds no state of the stage starting at " + st.stage.start());
        }
        restoreOptimizer(cp, "opt.", st.adam, st.params);
        if (st.terms == null) return;
        for (Map.Entry<String, IbCritic> e : st.terms.critics().entrySet()) {
            String k = e.getKey();
            IbCritic critic = e.getValue();
            for (Parameter p : critic.parameters()) copyIn(cp, k + "." + p.name(), p.value());
            restoreOptimizer(cp, k + ".adam.", critic.adam(), critic.parameters());
            critic.restore(Double.parseDouble(m.get(k + ".logEma")), Double.parseDouble(m.get(k + ".estimate")));
        }
    }

    private static void addOptimizer(Backend b, String prefix, Adam adam, List<Parameter> params, List<SafeTensors.Entry> entries,
                                     Map<String, String> meta) {
        meta.put(prefix + "steps", Long.toString(adam.stepCount()));
        for (Parameter p : params) {
            entries.add(entry(b, prefix + p.name() + ".m", adam.firstMoment(p)));
            entries.add(entry(b, prefix + p.name() + ".v", adam.secondMoment(p)));
        }
    }

    private static void restoreOptimizer(Contents cp, String prefix, Adam adam, List<Parameter> params) {
        adam.restoreStepCount(Long.parseLong(cp.raw().metadata().get(prefix + "steps")));
        for (Parameter p : params) {
            copyIn(cp, prefix + p.name() + ".m", adam.firstMoment(p));
            copyIn(cp, prefix + p.name() + ".v", adam.secondMoment(p));
        }
    }

    private static SafeTensors.Entry entry(Backend b, String name, ibinit.tensor.Tensor t) {
        return new SafeTensors.Entry(name, t.shape(), b.toFloatArray(t));
    }

    private static void copyIn(Contents cp, String name, ibinit.tensor.Tensor t) {
        SafeTensors.Entry e = cp.raw().tensors().get(name);
        if (e == null || e.values().length != t.size()) {
            throw new IllegalArgumentException("checkpoint lacks " + name + " " + java.util.Arrays.toString(t.shape()) + " (another network?)");
        }
        t.backend().copyFromArray(e.values(), t);
    }

    /** The step a checkpoint file was saved at (for "already holds a checkpoint at step S"). */
    static long stepOf(Path file) {
        try {
            String step = SafeTensors.read(file).metadata().get("step");
            return step == null ? -1 : Long.parseLong(step);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String encodeIdentity(Map<String, String> identity) {
        StringBuilder s = new StringBuilder();
        identity.forEach((k, v) -> s.append(k).append('\t').append(v.replace('\n', ' ')).append('\n'));
        return s.toString();
    }

    private static Map<String, String> decodeIdentity(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) m.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return m;
    }

    /** One stage per line: label, I(Y;L), I(X;L+eps), steps, tab-separated. */
    private static String encode(List<IbOutcome.StageSummary> stages) {
        StringBuilder s = new StringBuilder();
        for (IbOutcome.StageSummary x : stages) s.append(x.stage()).append('\t').append(x.iy()).append('\t').append(x.ix()).append('\t').append(x.steps()).append('\n');
        return s.toString();
    }

    private static List<IbOutcome.StageSummary> decode(String text) {
        List<IbOutcome.StageSummary> out = new ArrayList<>();
        if (text == null) return out;
        for (String line : text.split("\n")) {
            if (line.isEmpty()) continue;
            String[] f = line.split("\t");
            out.add(new IbOutcome.StageSummary(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Long.parseLong(f[3])));
        }
        return out;
    }
}
