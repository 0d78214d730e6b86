package ibinit.info;

import ibinit.tensor.Tensor;

/**
 * Estimates I(A; B) in nats from n paired samples: row r of {@code a} goes with row r of
 * {@code b} (both [n, features...] on the same backend).
 *
 * <p>Trained estimators (MINE, AA-MINE) fit a critic on minibatches of the pairs and report a
 * moving average with its spread. Closed-form ones (binning, KDE) read {@code a} as a discrete
 * variable: rows that are bit-for-bit equal are one symbol (inputs X, or labels Y as one column
 * or one-hot rows), and {@code b} as the continuous one (a layer's activations T); so
 * {@code estimate(x, t)} gives I(X;T) and {@code estimate(y, t)} gives I(T;Y).
 */
public interface MutualInformationEstimator extends AutoCloseable {

    /** e.g. {@code mine(dv-bias-corrected, critic 1500-1500, ...)}. */
    String describe();

    Estimate estimate(Tensor a, Tensor b);

    @Override
    default void close() { }
}
