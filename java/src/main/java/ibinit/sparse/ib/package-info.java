/**
 * The information-bottleneck reading of sparse filtering (Zennaro and Chen): the experiments of
 * docs/results/sparse-filtering.md. {@link ibinit.sparse.ib.SparseFilteringIbExperiment} runs them:
 * sparse filtering on 4-D Gaussian data with I(X;T), H(T), sparsity and ||dW|| recorded on test
 * data at every L-BFGS iteration ({@link ibinit.sparse.ib.IbReading}), and the explicit-entropy
 * experiment ({@link ibinit.sparse.ib.EntropyCollapse}).
 */
package ibinit.sparse.ib;
