#!/usr/bin/env bash
# GEMM through ibinit's FFM cpu backend against the same cblas_sgemm call from plain C, and the
# covariance trace of 10,000 x 512 (JMH, and the same kernel called from C).
# Both GEMM sides are timed alike (warm-up, median of individually timed calls:
# benchmarks/native/openblas_gemm_bench and ibinit.bench.GemmMedian), alternating C and Java
# ROUNDS times per shape; each side keeps its best median, because the host slows for minutes at
# a time and a slow spell must not decide the ratio. Ratio = C's time / ours (1.00 = as fast).
# Usage: benchmarks/run-gemm-comparison.sh [threads]   (default 2; ROUNDS=3)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
threads="${1:-2}"
rounds="${ROUNDS:-3}"
export OMP_WAIT_POLICY=passive OPENBLAS_NUM_THREADS="$threads" IBINIT_THREADS="$threads"

[ -f benchmarks/target/ibinit-benchmarks.jar ] || mvn -q -B -ntp -DskipTests package
benchmarks/native/build.sh >/dev/null
jar=benchmarks/target/ibinit-benchmarks.jar
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$jar")

shapes=("1024 1024 1024 N N" "128 512 784 N T" "512 784 128 T N" "128 784 512 N N"
        "128 512 512 N T" "512 512 128 T N" "128 512 512 N N" "128 10 512 N T" "10 512 128 T N" "128 512 10 N N")

printf '| shape M N K (op A, op B) | ibinit FFM median (us) | GFLOP/s | plain C median (us) | GFLOP/s | C time / ours |\n'
printf '|---|---|---|---|---|---|\n'
for s in "${shapes[@]}"; do
  read -r m n k ta tb <<<"$s"
  flags="$([ "$ta" = T ] && echo 1 || echo 0) $([ "$tb" = T ] && echo 1 || echo 0)"
  reps=$(( m * n * k > 100000000 ? 60 : 400 ))
  best_c=1e30; best_j=1e30
  for ((r = 0; r < rounds; r++)); do
    c=$(benchmarks/native/openblas_gemm_bench "$m" "$n" "$k" $flags "$reps" | sed -n 's/.*median \([0-9.]*\) us.*/\1/p')
    j=$("${java[@]}" ibinit.bench.GemmMedian "$m" "$n" "$k" $flags "$reps" cpu | cut -d' ' -f1)
    best_c=$(python3 -c "print(min($best_c, $c))"); best_j=$(python3 -c "print(min($best_j, $j))")
  done
  python3 - "$s" "$best_j" "$best_c" <<'PY'
import sys
s, ours, c = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
m, n, k = (int(v) for v in s.split()[:3])
gf = lambda us: 2 * m * n * k / us / 1e3
print(f"| {s} | {ours:.1f} | {gf(ours):.1f} | {c:.1f} | {gf(c):.1f} | {c / ours:.2f} |")
PY
done

out=$(mktemp -d)
"${java[@]}" org.openjdk.jmh.Main CovarianceTraceBenchmark -p backend=cpu -bm sample -tu us -wi 3 -w 1s -i 5 -r 1s -f 1 \
  -rf csv -rff "$out/jmh.csv" >"$out/jmh.log" 2>&1 || { cat "$out/jmh.log"; exit 1; }
cov=$(grep '"ibinit.bench.CovarianceTraceBenchmark.covarianceTrace:p0.50"' "$out/jmh.csv" | cut -d, -f5)
echo
echo "covariance trace 10000 x 512, ddof 1, through FFM (JMH sample mode, median): ${cov} us"
IBINIT_CPU_LIB=java/target/classes/native/linux-x86_64/libibinit_cpu.so \
  benchmarks/native/openblas_gemm_bench covtrace 10000 512 201 "$threads"
echo "threads=$threads rounds=$rounds; JMH log: $out/jmh.log"
