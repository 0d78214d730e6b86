package ibinit.info.plane;

import java.util.List;
import java.util.Map;

/**
 * What an information-plane run recorded, as written to its JSON file. Information is in bits.
 *
 * @param title          the plot's title
 * @param task           {@code 12bit}, {@code mnist}, ...
 * @param arch           compact architecture, e.g. {@code 12-10-7-5-4-3-2}
 * @param activation     hidden activation
 * @param estimator      the estimator's own description
 * @param unit           always {@code bits}
 * @param data           where the data came from (the data layer's description)
 * @param settings       every other option of the run (optimizer, rates, seed, schedule, ...)
 * @param layers         one label per measured layer, first to last
 * @param output         how the last layer is measured: {@code softmax} or {@code logits}
 * @param measureRows    inputs the estimates are taken over
 * @param inputEntropy   H(X) = log2(measureRows), the ceiling of I(X;T) on distinct inputs
 * @param labelEntropy   H(Y) of the measurement labels, the ceiling of I(T;Y)
 * @param snapshots      one per recorded epoch, in order
 * @param trainSeconds   wall time spent training (measurements excluded)
 * @param measureSeconds wall time spent estimating
 * @param status         how training ended ({@code completed ...}, {@code interrupted ...}, or {@code running})
 */
public record InfoPlaneHistory(String title, String task, String arch, String activation, String estimator, String unit,
                               String data, Map<String, String> settings, List<String> layers, String output,
                               int measureRows, double inputEntropy, double labelEntropy, List<Snapshot> snapshots,
                               double trainSeconds, double measureSeconds, String status) {

    /**
     * The plane at one epoch (0: before training).
     *
     * @param epoch     the epoch just finished
     * @param trainLoss mean training loss of that epoch (NaN at epoch 0)
     * @param testError test error in percent after it (NaN at epoch 0)
     * @param ixt       I(X; T_i) per layer, bits
     * @param ity       I(T_i; Y) per layer, bits
     */
    public record Snapshot(int epoch, double trainLoss, double testError, double[] ixt, double[] ity) { }

    public InfoPlaneHistory {
        settings = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(settings));
        layers = List.copyOf(layers);
        snapshots = List.copyOf(snapshots);
    }

    /** The last recorded epoch, or -1 when nothing was recorded. */
    public int lastEpoch() { return snapshots.isEmpty() ? -1 : snapshots.get(snapshots.size() - 1).epoch(); }
}
