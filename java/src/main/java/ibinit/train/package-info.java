/**
 * Training: the mini-batch loop ({@link ibinit.train.Trainer}) with seeded shuffling, staged
 * uploads, learning-rate schedules and per-epoch test evaluation; self-contained run
 * descriptions ({@link ibinit.train.RunSpec}) with a runner for one and a local parallel executor
 * for a grid, which saves each result as it finishes and skips saved ones on --resume.
 */
package ibinit.train;
