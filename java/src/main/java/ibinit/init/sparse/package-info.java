/**
 * The {@code sparse-filtering} initializer: each hidden dense layer's weights learned by sparse
 * filtering ({@link ibinit.sparse.SparseFiltering}) on that layer's input, rescaled to the base
 * initializer's output variance. See {@link ibinit.init.sparse.SparseFilteringInit}.
 */
package ibinit.init.sparse;
