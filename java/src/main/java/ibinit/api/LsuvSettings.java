package ibinit.api;

/**
 * Settings of LSUV, layer-sequential unit variance (Mishkin and Matas, "All you need is a good
 * init", ICLR 2016): orthonormal weights (or Xavier-uniform without {@code orthonormalStart}),
 * then, layer by layer from the input, W is rescaled by 1 / sqrt(Var(output)) on the data sample
 * until |Var - 1| < {@code tolerance} or {@code maxIterations} rescalings; the variance is taken
 * over every element of the layer's output, before the activation (Caffe's choice) or after it.
 *
 * <pre>{@code
 * LsuvSettings s = LsuvSettings.builder().tolerance(0.05).afterActivation(true).build();
 * }</pre>
 */
public record LsuvSettings(double tolerance, int maxIterations, boolean afterActivation, boolean orthonormalStart) {
    public LsuvSettings {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) throw new IllegalArgumentException("LSUV tolerance must be > 0, got " + tolerance);
        if (maxIterations < 1) throw new IllegalArgumentException("LSUV needs at least 1 iteration, got " + maxIterations);
    }

    /** Defaults: tolerance 0.1, 10 iterations, before the activation, orthonormal start (the paper's). */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link LsuvSettings}; every setter has the default named in {@link #builder()}. */
    public static final class Builder {
        private double tolerance = 0.1;
        private int maxIterations = 10;
        private boolean afterActivation;
        private boolean orthonormalStart = true;

        private Builder() { }

        public Builder tolerance(double t) { tolerance = t; return this; }

        public Builder maxIterations(int n) { maxIterations = n; return this; }

        public Builder afterActivation(boolean after) { afterActivation = after; return this; }

        public Builder orthonormalStart(boolean orthonormal) { orthonormalStart = orthonormal; return this; }

        public LsuvSettings build() { return new LsuvSettings(tolerance, maxIterations, afterActivation, orthonormalStart); }
    }
}
