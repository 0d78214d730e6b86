/** {@link ibinit.tensor.Tensor}: float32 (or int32 label) arrays in backend-owned memory. */
package ibinit.tensor;
