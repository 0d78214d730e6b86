/**
 * Sparse filtering (Ngiam, Koh, Chen, Bhaskar and Ng, "Sparse filtering", NIPS 2011): unsupervised
 * features W that make the normalized feature matrix sparse, learned with L-BFGS.
 * {@link ibinit.sparse.SparseFiltering} is the entry point (a builder with the reference code's
 * defaults); {@link ibinit.sparse.SparseFilteringObjective} evaluates the objective and its
 * gradient on a backend (two GEMMs and one native element-wise kernel); {@link ibinit.sparse.Lbfgs}
 * is the optimizer. The initializer built on it is {@link ibinit.init.sparse.SparseFilteringInit}.
 */
package ibinit.sparse;
