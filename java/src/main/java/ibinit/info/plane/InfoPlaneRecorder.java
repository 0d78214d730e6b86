package ibinit.info.plane;

import ibinit.nn.Sequential;
import ibinit.tensor.Tensor;
import ibinit.train.EpochStats;
import ibinit.train.TrainingListener;
import ibinit.train.TrainingOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records the information plane while a network trains: a {@link TrainingListener} that, at
 * every epoch of its {@link EpochSchedule} (epoch 0 when the run starts), takes each layer's
 * representation of the measurement set ({@link LayerTaps}) and estimates I(X;T) and I(T;Y).
 * After each recorded epoch it hands the history so far to {@code onSnapshot} (which writes the
 * JSON), so an interrupted run keeps what it measured.
 */
public final class InfoPlaneRecorder implements TrainingListener {
    private static final double LN2 = Math.log(2);

    /** What the history says of the run besides the measurements. */
    public record Header(String title, String task, String arch, String activation, String data,
                         java.util.Map<String, String> settings) { }

    private final Sequential net;
    private final MeasurementSet data;
    private final PlaneEstimator estimator;
    private final EpochSchedule schedule;
    private final boolean softmaxOutput;
    private final Header header;
    private final Consumer<InfoPlaneHistory> onSnapshot;
    private final List<String> layers = new ArrayList<>();
    private final List<InfoPlaneHistory.Snapshot> snapshots = new ArrayList<>();
    private final long started = System.nanoTime();
    private double measureSeconds;
    private String status = "running";

    public InfoPlaneRecorder(Sequential net, MeasurementSet data, PlaneEstimator estimator, EpochSchedule schedule,
                             boolean softmaxOutput, Header header, Consumer<InfoPlaneHistory> onSnapshot) {
        this.net = net;
        this.data = data;
        this.estimator = estimator;
        this.schedule = schedule;
        this.softmaxOutput = softmaxOutput;
        this.header = header;
        this.onSnapshot = onSnapshot;
        int count = net.weightLayers().size();
        for (int i = 1; i <= count; i++) {
            ibinit.nn.Layer w = net.weightLayers().get(i - 1);
            String width = w instanceof ibinit.nn.Dense d ? String.valueOf(d.out()) : w.describe();
            layers.add(i == count ? "output (" + width + (softmaxOutput ? ", softmax" : ", logits") + ")"
                    : "layer " + i + " (" + width + ")");
        }
    }

    @Override
    public void runStarted(int epochs, int batchesPerEpoch) {
        if (schedule.contains(0)) record(0, Double.NaN, Double.NaN);
    }

    @Override
    public void epochFinished(EpochStats stats, int epochs) {
        if (schedule.contains(stats.epoch())) record(stats.epoch(), stats.trainLoss(), stats.testError());
    }

    @Override
    public void runFinished(TrainingOutcome outcome) {
        status = outcome.detail();
        onSnapshot.accept(history());
    }

    /** Measures every layer now and keeps the result as epoch {@code epoch}. */
    public InfoPlaneHistory.Snapshot record(int epoch, double trainLoss, double testError) {
        long t0 = System.nanoTime();
        List<Tensor> taps = LayerTaps.collect(net, data.x(), softmaxOutput);
        double[] ixt = new double[taps.size()], ity = new double[taps.size()];
        try {
            for (int i = 0; i < taps.size(); i++) {
                PlaneEstimator.Coordinates c = estimator.measure(i + 1, taps.get(i));
                ixt[i] = c.ixt() / LN2;
                ity[i] = c.ity() / LN2;
            }
        } finally {
            taps.forEach(Tensor::close);
        }
        measureSeconds += (System.nanoTime() - t0) / 1e9;
        InfoPlaneHistory.Snapshot s = new InfoPlaneHistory.Snapshot(epoch, trainLoss, testError, ixt, ity);
        snapshots.add(s);
        onSnapshot.accept(history());
        return s;
    }

    public InfoPlaneHistory history() {
        double elapsed = (System.nanoTime() - started) / 1e9;
        return new InfoPlaneHistory(header.title(), header.task(), header.arch(), header.activation(), estimator.describe(), "bits",
                header.data(), header.settings(), layers, softmaxOutput ? "softmax" : "logits", data.rows(),
                data.inputEntropy() / LN2, data.labelEntropy() / LN2, snapshots, elapsed - measureSeconds, measureSeconds, status);
    }
}
