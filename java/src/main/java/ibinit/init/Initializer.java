package ibinit.init;

import ibinit.nn.Sequential;

/**
 * Sets a network's initial parameters. Randomness comes only from {@link InitContext#random()},
 * a counter-based stream, so the same seed gives the same weights on every backend.
 * Data-driven methods (LSUV, IBCI) read {@link InitContext#sample()}.
 */
public interface Initializer {
    /** The method's name as the CLI knows it, e.g. {@code kaiming-normal}. */
    String name();

    void initialize(Sequential net, InitContext context);

    /**
     * What the last {@link #initialize} learned or measured, for the run's JSON file (a record
     * Gson can write), or null. GradInit and NIO return their {@link ibinit.init.scales.ScaleTrace}.
     */
    default Object report() { return null; }
}
