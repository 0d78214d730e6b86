package ibinit.info.plane;

import ibinit.info.BinningEstimator;
import ibinit.info.KdeEstimator;
import ibinit.info.MineConfig;
import ibinit.nn.Sequential;
import java.util.List;
import java.util.Locale;

/** Makes a {@link PlaneEstimator} by the name users pass to {@code --estimator}. */
public final class PlaneEstimators {
    public static final List<String> NAMES = List.of("binning", "kde-upper", "kde-lower", "mine", "aa-mine");

    /**
     * What the estimators read besides the network and the data.
     *
     * @param bins          binning: edges (their code: 30)
     * @param fittedRange   binning: range from each layer's min to max at each measurement (ReLU), else [-1, 1]
     * @param noiseVariance KDE: variance of the noise added to T; MINE / AA-MINE: sigma^2 of eps in I(X; T + eps)
     * @param mine          MINE / AA-MINE: critic, steps per measurement, batch, seed
     */
    public record Settings(int bins, boolean fittedRange, double noiseVariance, MineConfig mine) { }

    private PlaneEstimators() { }

    public static PlaneEstimator create(String name, Sequential net, MeasurementSet data, Settings s) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "binning" -> new BinningPlane(s.fittedRange() ? BinningEstimator.fittedEdges(s.bins())
                    : BinningEstimator.withEdges(s.bins(), -1, 1), data);
            case "kde-upper" -> new KdePlane(new KdeEstimator(net.backend(), KdeEstimator.Bound.UPPER, s.noiseVariance()), data);
            case "kde-lower" -> new KdePlane(new KdeEstimator(net.backend(), KdeEstimator.Bound.LOWER, s.noiseVariance()), data);
            case "mine" -> new MinePlane(net, data, s.mine(), s.noiseVariance(), false);
            case "aa-mine" -> new MinePlane(net, data, s.mine(), s.noiseVariance(), true);
            default -> throw new IllegalArgumentException("unknown --estimator '" + name + "' (choose from " + String.join(", ", NAMES) + ")");
        };
    }
}
