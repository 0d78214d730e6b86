package ibinit.experiment;

import ibinit.text.Numbers;
import ibinit.data.DataOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of an {@link ExperimentSpec} that change a run's result, by option name, for result
 * files and resume checks (the data folder is left out: moving the files changes nothing). The
 * backend is left out too: a run may be resumed on another machine.
 */
public final class Identity {
    private Identity() { }

    public static Map<String, String> of(ExperimentSpec s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("--dataset", s.data().dataset());
        s.data().options().forEach((k, v) -> {
            if (!k.equals(DataOptions.DATA_DIR)) m.put("--data-option " + k, v); // where the files lie does not change the result
        });
        m.put("--arch", s.network().arch());
        m.put("--act", s.network().activation());
        m.put("--leaky-slope", Numbers.format(s.network().leakySlope()));
        m.put("--init", s.init().method());
        m.put("--bias-init", s.init().bias());
        m.put("--init-sample", String.valueOf(s.init().sample()));
        m.put("--seed", String.valueOf(s.seed()));
        return m;
    }
}
