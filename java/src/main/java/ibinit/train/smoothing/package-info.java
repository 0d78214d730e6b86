/**
 * Entropic smoothing ("scoping"): training on a smoothed loss whose width is set per layer and
 * changes with time, as an alternative to a careful initialization (Musso, "Entropic
 * alternatives to initialization"). {@link ibinit.train.smoothing.Smoothing} is a protocol as
 * written on the command line (radii per layer, which layers, extra points, estimator, schedule);
 * {@link ibinit.train.smoothing.GradientStep} computes one step's gradient: plainly, with the
 * sampled box kernel ({@link ibinit.train.smoothing.BoxSmoothedStep}), or with an Entropy-SGD
 * inner loop ({@link ibinit.train.smoothing.EntropySgdStep}). The perturbations are drawn by one
 * backend call per tensor ({@link ibinit.backend.Backend#perturbUniform}) from Philox streams
 * keyed by the run's seed, the step and the point, so a run repeats bit for bit.
 */
package ibinit.train.smoothing;
