#!/bin/sh
# Builds the plain-C OpenBLAS baseline (see openblas_gemm_bench.c) next to this script.
#   benchmarks/native/build.sh && benchmarks/native/openblas_gemm_bench 1024 1024 1024
set -eu
here=$(cd "$(dirname "$0")" && pwd)
inc=
for d in /usr/include/x86_64-linux-gnu/openblas-pthread /usr/include/openblas; do
  [ -f "$d/cblas.h" ] && inc="-I$d" && break
done
${CC:-gcc} -O2 -std=c11 $inc -o "$here/openblas_gemm_bench" "$here/openblas_gemm_bench.c" -lopenblas -ldl -lm
echo "built $here/openblas_gemm_bench"
