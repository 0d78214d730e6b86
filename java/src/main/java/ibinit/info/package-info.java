/**
 * Mutual-information estimators behind one interface, {@link ibinit.info.MutualInformationEstimator}:
 * MINE (Donsker-Varadhan, MINE-f, the bias-corrected gradient) and architecture-aware AA-MINE,
 * trained with Adam on critic networks that run on the backend's fused dense-layer ops; and the
 * classic information-plane estimators, binning and the KDE upper/lower bounds. Every estimate
 * is in nats (see {@link ibinit.info.Estimate#bits()}). The options and their defaults are described in the README (infoplane, ib-train).
 */
package ibinit.info;
