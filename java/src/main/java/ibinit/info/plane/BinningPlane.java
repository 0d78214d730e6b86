package ibinit.info.plane;

import ibinit.info.BinningEstimator;
import ibinit.tensor.Tensor;

/** Binning for both coordinates (Shwartz-Ziv and Tishby): I(X;T) = H(T) for distinct inputs, I(T;Y) = H(T) - H(T|Y). */
final class BinningPlane implements PlaneEstimator {
    private final BinningEstimator binning;
    private final MeasurementSet data;

    BinningPlane(BinningEstimator binning, MeasurementSet data) {
        this.binning = binning;
        this.data = data;
    }

    @Override public String describe() { return binning.describe(); }

    @Override
    public Coordinates measure(int layer, Tensor t) {
        return new Coordinates(binning.estimate(data.x(), t).value(), binning.estimate(data.labels(), t).value());
    }
}
