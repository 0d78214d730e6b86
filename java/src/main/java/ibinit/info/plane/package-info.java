/**
 * The information plane during ordinary training: at a schedule of (log-spaced) epochs a
 * {@link ibinit.info.plane.InfoPlaneRecorder}, hooked into the training loop as a
 * {@link ibinit.train.TrainingListener}, takes every weight layer's representation T of a fixed
 * measurement set and estimates I(X;T) and I(T;Y) with a {@link ibinit.info.plane.PlaneEstimator}
 * (binning, KDE bounds, MINE or AA-MINE), keeping them in bits in an
 * {@link ibinit.info.plane.InfoPlaneHistory} (written as JSON, drawn by
 * {@link ibinit.report.InfoPlanePlot}). Options and defaults: the README (infoplane).
 */
package ibinit.info.plane;
