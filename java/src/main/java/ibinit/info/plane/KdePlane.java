package ibinit.info.plane;

import ibinit.info.KdeEstimator;
import ibinit.tensor.Tensor;

/**
 * The KDE bounds of Kolchinsky and Tracey as Saxe et al. use them, for T + eps with Gaussian
 * noise eps of the estimator's variance: I(X; T + eps) (at most log n for n distinct inputs) and
 * I(T + eps; Y).
 */
final class KdePlane implements PlaneEstimator {
    private final KdeEstimator kde;
    private final MeasurementSet data;

    KdePlane(KdeEstimator kde, MeasurementSet data) {
        this.kde = kde;
        this.data = data;
    }

    @Override public String describe() { return kde.describe(); }

    @Override
    public Coordinates measure(int layer, Tensor t) {
        return new Coordinates(kde.estimate(data.x(), t).value(), kde.estimate(data.labels(), t).value());
    }
}
