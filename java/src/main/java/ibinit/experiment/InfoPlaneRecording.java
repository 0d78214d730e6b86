package ibinit.experiment;

import ibinit.text.Numbers;
import ibinit.backend.Activation;
import ibinit.data.DataOptions;
import ibinit.data.Dataset;
import ibinit.data.TwelveBitTask;
import ibinit.info.MineConfig;
import ibinit.info.plane.EpochSchedule;
import ibinit.info.plane.InfoPlaneHistory;
import ibinit.info.plane.InfoPlaneRecorder;
import ibinit.info.plane.MeasurementSet;
import ibinit.info.plane.PlaneEstimator;
import ibinit.info.plane.PlaneEstimators;
import ibinit.nn.Adam;
import ibinit.rng.Streams;
import ibinit.train.Shuffle;
import ibinit.train.TrainOptions;
import ibinit.train.Trainer;
import ibinit.train.TrainingOutcome;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The information-plane use case ({@code infoplane}): trains the experiment's network with Adam
 * and cross-entropy and records I(X;T) and I(T;Y) of every layer at the scheduled epochs. The
 * plane is measured on every pattern for the {@code 12bit} data set, else on a seeded sample of
 * {@code measureRows} training rows ({@link Streams#planeSample}).
 */
public final class InfoPlaneRecording {
    /**
     * @param binRange      {@code auto} (fixed [-1, 1] for tanh, fitted otherwise), {@code fixed} or {@code fitted}
     * @param recordEpochs  {@code log:P} or a list, see {@link EpochSchedule#parse}
     * @param softmaxOutput measure the output layer as softmax (Shwartz-Ziv and Tishby) instead of logits
     */
    public record Settings(int epochs, int batch, double lr, double weightDecay, String estimator, int bins, String binRange,
                           double noiseVariance, int mineSteps, int[] criticHidden, String recordEpochs, int measureRows,
                           boolean softmaxOutput) {
        /** Throws IllegalArgumentException naming the first bad option. */
        public Settings {
            new TrainOptions(epochs, batch, null, 0, 0); // validates epochs and batch
            if (!(lr > 0) || !Double.isFinite(lr)) throw new IllegalArgumentException("--lr must be > 0, got " + Numbers.format(lr));
            if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) throw new IllegalArgumentException("--weight-decay must be >= 0, got " + Numbers.format(weightDecay));
            if (!(noiseVariance > 0) || !Double.isFinite(noiseVariance)) throw new IllegalArgumentException("--noise-variance must be > 0, got " + Numbers.format(noiseVariance));
            if (bins < 2) throw new IllegalArgumentException("--bins must be >= 2, got " + bins);
            if (measureRows < 2) throw new IllegalArgumentException("--measure-rows must be >= 2, got " + measureRows);
            if (mineSteps < 1) throw new IllegalArgumentException("--mine-steps must be >= 1, got " + mineSteps);
            estimator = estimator.trim().toLowerCase(Locale.ROOT);
            if (!PlaneEstimators.NAMES.contains(estimator)) {
                throw new IllegalArgumentException("unknown --estimator '" + estimator + "' (choose from " + String.join(", ", PlaneEstimators.NAMES) + ")");
            }
            if (!List.of("auto", "fixed", "fitted").contains(binRange)) throw new IllegalArgumentException("--bin-range must be auto, fixed or fitted, got '" + binRange + "'");
            EpochSchedule.parse(recordEpochs, epochs);
            mine(criticHidden, mineSteps, 0); // validates the critic options
        }

        private static MineConfig mine(int[] hidden, int steps, long seed) {
            return MineConfig.defaults().withHidden(hidden).withSteps(steps).withSeed(seed);
        }
    }

    /** What the run did: the outcome of training and the recorded plane. */
    public record Result(TrainingOutcome outcome, InfoPlaneHistory history) { }

    private InfoPlaneRecording() { }

    /**
     * Trains and records. {@code task} names the run in titles ({@code 12bit}, {@code mnist});
     * {@code started} hears one description of the run (two lines), {@code snapshot} the history
     * after every recorded epoch (write it out there); {@code stop} is checked before each step.
     */
    public static Result run(Experiment e, Settings s, String task, Consumer<String> started, Consumer<InfoPlaneHistory> snapshot,
                             BooleanSupplier stop) {
        ExperimentSpec spec = e.spec();
        Activation act = spec.network().act();
        boolean fitted = s.binRange().equals("fitted") || (s.binRange().equals("auto") && act != Activation.TANH);
        Dataset measured = measured(e, s);
        String dataText = e.data().description() + (spec.data().dataset().equals(TwelveBitTask.NAME) ? ""
                : "; plane measured on " + measured.size() + " training rows (seeded sample)");
        EpochSchedule schedule = EpochSchedule.parse(s.recordEpochs(), s.epochs());
        try (Adam adam = new Adam((float) s.lr(), 0.9f, 0.999f, 1e-8f, (float) s.weightDecay());
             MeasurementSet measure = new MeasurementSet(e.backend(), measured.features(), measured.featureDim(), measured.labels(), measured.classes());
             PlaneEstimator est = PlaneEstimators.create(s.estimator(), e.network(), measure, new PlaneEstimators.Settings(s.bins(), fitted,
                     s.noiseVariance(), Settings.mine(s.criticHidden(), s.mineSteps(), spec.seed())))) {
            started.accept(task + " " + spec.network().arch() + " " + act.cliName + ", " + s.epochs() + " epochs, " + est.describe()
                    + "; recording at " + schedule.epochs().length + " epochs\ndata: " + dataText);
            String title = String.format(Locale.ROOT, "Information plane: %s, %s %s%s, seed %d", task, spec.network().arch(), act.cliName,
                    s.weightDecay() > 0 ? ", weight decay " + Numbers.format(s.weightDecay()) : "", spec.seed());
            InfoPlaneRecorder recorder = new InfoPlaneRecorder(e.network(), measure, est, schedule, s.softmaxOutput(),
                    new InfoPlaneRecorder.Header(title, task, spec.network().arch(), act.cliName, dataText, settings(spec, s)), snapshot);
            TrainingOutcome o = Trainer.train(e.network(), adam, e.data(), new TrainOptions(s.epochs(), s.batch(), null, 0, spec.seed()), recorder, stop);
            return new Result(o, recorder.history());
        }
    }

    /** Every pattern of the 12-bit task; otherwise a seeded sample of training rows. */
    static Dataset measured(Experiment e, Settings s) {
        ExperimentSpec spec = e.spec();
        if (spec.data().dataset().equals(TwelveBitTask.NAME)) {
            return TwelveBitTask.generate(spec.data().dataOptions().longValue(DataOptions.SEED, 0)).all();
        }
        Dataset train = e.data().train();
        return train.subset(Shuffle.sample(Streams.planeSample(spec.seed()), s.measureRows(), train.size()), train.name() + "/plane");
    }

    private static Map<String, String> settings(ExperimentSpec spec, Settings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("optimizer", "adam (betas 0.9, 0.999, eps 1e-8)");
        m.put("lr", Numbers.format(s.lr()));
        m.put("batch", String.valueOf(s.batch()));
        m.put("epochs", String.valueOf(s.epochs()));
        m.put("weightDecay", Numbers.format(s.weightDecay()));
        m.put("init", spec.init().method());
        m.put("seed", String.valueOf(spec.seed()));
        m.put("recordEpochs", s.recordEpochs());
        m.put("estimatorName", s.estimator());
        m.put("noiseVariance", Numbers.format(s.noiseVariance()));
        m.put("bins", String.valueOf(s.bins()));
        m.put("binRange", s.binRange());
        m.put("mineSteps", String.valueOf(s.mineSteps()));
        m.put("criticHidden", Arrays.toString(s.criticHidden()));
        return m;
    }
}
