/** The CUDA backend: libibinit_cuda.so bound through FFM (same ABI as the CPU library). */
package ibinit.backend.cuda;
