#!/usr/bin/env bash
# GEMM through ibinit's FFM cpu backend (JMH) against the same cblas_sgemm call from plain C,
# back to back in one run, and the covariance trace of 10,000 x 512. Prints a table with the
# ratio ours / C. Usage: benchmarks/run-gemm-comparison.sh [threads]   (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
threads="${1:-2}"
export OMP_WAIT_POLICY=passive OPENBLAS_NUM_THREADS="$threads" IBINIT_THREADS="$threads"

[ -f benchmarks/target/ibinit-benchmarks.jar ] || mvn -q -B -ntp -DskipTests package
benchmarks/native/build.sh >/dev/null

shapes=("1024 1024 1024 N N" "128 512 784 N T" "512 784 128 T N" "128 784 512 N N"
        "128 512 512 N T" "512 512 128 T N" "128 512 512 N N" "128 10 512 N T" "10 512 128 T N" "128 512 10 N N")
out=$(mktemp -d)
param=$(IFS=,; echo "${shapes[*]}")

# Ours: JMH average time per call (us), one fork.
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar benchmarks/target/ibinit-benchmarks.jar \
  'GemmBenchmark|CovarianceTraceBenchmark' -p shape="$param" -p backend=cpu -wi 3 -w 1s -i 5 -r 1s -f 1 \
  -rf csv -rff "$out/jmh.csv" >"$out/jmh.log" 2>&1 || { cat "$out/jmh.log"; exit 1; }

# Plain C, right after.
printf '| shape M N K (op A, op B) | ibinit FFM (us) | ibinit GFLOP/s | plain C (us) | plain C GFLOP/s | ours / C |\n'
printf '|---|---|---|---|---|---|\n'
for s in "${shapes[@]}"; do
  read -r m n k ta tb <<<"$s"
  flags=$([ "$ta" = T ] && echo 1 || echo 0)" "$([ "$tb" = T ] && echo 1 || echo 0)
  reps=$(( m * n * k > 100000000 ? 30 : 300 ))
  c_us=$(benchmarks/native/openblas_gemm_bench "$m" "$n" "$k" $flags "$reps" | sed -n 's/.*median \([0-9.]*\) us.*/\1/p')
  ours_us=$(grep "GemmBenchmark.gemm" "$out/jmh.csv" | grep "\"$s\"" | cut -d, -f5)
  python3 - "$s" "$ours_us" "$c_us" <<'PY'
import sys
s, ours, c = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
m, n, k = (int(v) for v in s.split()[:3])
gf = lambda us: 2 * m * n * k / us / 1e3
print(f"| {s} | {ours:.1f} | {gf(ours):.1f} | {c:.1f} | {gf(c):.1f} | {c / ours:.2f} of C's speed |")
PY
done
cov=$(grep "CovarianceTraceBenchmark" "$out/jmh.csv" | cut -d, -f5)
c_cov=$(IBINIT_CPU_LIB=java/target/classes/native/linux-x86_64/libibinit_cpu.so benchmarks/native/openblas_gemm_bench covtrace 10000 512 201 "$threads" | tr '\n' ' ')
echo
echo "covariance trace 10000 x 512 through FFM (JMH): ${cov} us; the same kernel from C: ${c_cov}"
echo "threads=$threads; JMH log: $out/jmh.log"
