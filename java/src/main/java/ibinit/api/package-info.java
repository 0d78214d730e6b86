/**
 * ibinit for training stacks that keep their weights as plain arrays: initialize one weight array
 * ({@link ibinit.api.WeightArrays}, as {@code torch.nn.init} does for one tensor) or a stack of
 * dense layers ({@link ibinit.api.DenseStack}) with any registered method, data-driven ones
 * (LSUV, IBCI) from a data sample given as {@code float[]} rows and {@code int[]} labels
 * ({@link ibinit.api.StackInit}, with typed settings {@link ibinit.api.LsuvSettings} and
 * {@link ibinit.api.IbciSettings}). Weights are in PyTorch's {@code [out, in]} layout (row-major:
 * {@code w[o * in + i]} connects input i to output o); {@link ibinit.api.WeightArrays#transpose}
 * converts from and to DL4J's {@code [in, out]}. A seed gives the same weights as the CLI's
 * {@code ibinit init} for the same network, method and seed, on every backend.
 */
package ibinit.api;
