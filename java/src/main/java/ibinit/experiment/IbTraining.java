package ibinit.experiment;

import ibinit.text.Numbers;
import ibinit.backend.Backends;
import ibinit.info.ib.IbConfig;
import ibinit.info.ib.IbOutcome;
import ibinit.info.ib.IbTrainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The IB-training use case ({@code ib-train}): trains the experiment's dense network with the
 * IB objectives ({@link IbTrainer}), checkpointing into an output folder and resuming from it.
 * A run's identity (every option that changes its result: data, network, initialization, seed,
 * the IB settings and the backend) is stored in the checkpoint and compared on --resume.
 */
public final class IbTraining {
    public static final String CHECKPOINT = "checkpoint.safetensors", RESULT = "result.json";

    private IbTraining() { }

    /** Every result-changing option of the run, by option name, and the backend it runs on (backends round differently). */
    public static Map<String, String> identity(ExperimentSpec spec, IbConfig config, String backend) {
        Map<String, String> m = new LinkedHashMap<>(Identity.of(spec));
        m.putAll(config.options(Numbers::format));
        m.put("backend", backend);
        return m;
    }

    /**
     * Before any work: a run without --resume must not overwrite a checkpoint; a resumed one must
     * find one made with the same options (the error names those that differ).
     */
    public static void checkStart(Path dir, boolean resume, ExperimentSpec spec, IbConfig config) {
        IbTrainer.checkStart(dir.resolve(CHECKPOINT), resume, identity(spec, config, Backends.resolve(spec.backend())), config);
    }

    public static IbOutcome run(Experiment e, IbConfig config, Path dir, boolean resume, BooleanSupplier stop, IbTrainer.Progress progress) {
        IbTrainer trainer = new IbTrainer(e.network(), e.data(), config);
        return trainer.run(dir.resolve(CHECKPOINT), resume, identity(e.spec(), config, e.backend().name()), stop, progress);
    }

    /** Steps the run takes, for the start line. */
    public static long totalSteps(Experiment e, IbConfig config) { return new IbTrainer(e.network(), e.data(), config).totalSteps(); }
}
