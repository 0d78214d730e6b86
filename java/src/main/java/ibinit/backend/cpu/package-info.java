/** The CPU backend: libibinit_cpu.so (C kernels, OpenBLAS for GEMM) bound through FFM. */
package ibinit.backend.cpu;
