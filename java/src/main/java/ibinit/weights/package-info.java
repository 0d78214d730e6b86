/**
 * Weight files: {@link ibinit.weights.SafeTensors} reads and writes the safetensors format
 * (Hugging Face), so initial weights can be saved by {@code ibinit init}, loaded by
 * {@code ibinit train --init-from} (method {@code file:path=...}) and opened in PyTorch with
 * {@code safetensors.torch.load_file}; {@link ibinit.weights.NetworkWeights} maps a network's
 * parameters to and from such a file by {@link ibinit.nn.Parameter#name()}.
 */
package ibinit.weights;
