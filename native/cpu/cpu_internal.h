/* Helpers shared by the CPU backend's source files (not part of the ABI). */
#ifndef IBINIT_CPU_INTERNAL_H
#define IBINIT_CPU_INTERNAL_H

void ibinit_cpu_set_error(const char *message);
/* The pool size set by ibinit_set_threads. */
int ibinit_cpu_threads(void);
/* From OpenBLAS (declared here: Debian's cblas.h declares it too, but not every build does). */
void openblas_set_num_threads(int threads);

#endif
