package ibinit.info.plane;

import ibinit.tensor.Tensor;

/**
 * Estimates the two coordinates of the information plane for one layer, on the measurement set
 * the estimator was made for (inputs X and labels Y, fixed for a whole run).
 */
public interface PlaneEstimator extends AutoCloseable {

    /** The two coordinates, in nats. */
    record Coordinates(double ixt, double ity) { }

    /** e.g. {@code binning(30 edges, range [-1.0, 1.0], clipped)}. */
    String describe();

    /** I(X; T) and I(T; Y) for weight layer {@code layer} (from 1) whose representation of X is {@code t} [n, width]. */
    Coordinates measure(int layer, Tensor t);

    @Override
    default void close() { }
}
