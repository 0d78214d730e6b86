#!/usr/bin/env bash
# One MINE critic step, ours and PyTorch's, back to back (the host slows for minutes at a time,
# so only timings taken together compare): JMH's MineStepBenchmark on the cpu backend, then
# benchmarks/peers/torch_mine_step.py as MINE code usually writes it (torch.cat of the joint and
# marginal inputs) and with --shared-x (the first layer's x half computed once, as ours does);
# prints all three and the ratios ours / torch.
# Thread policy: ours uses the default pool size (every core, for our OpenMP kernels and for
# OpenBLAS); PyTorch runs with torch.set_num_threads(1), its best here (OpenBLAS still uses both
# cores). Both run with THREAD_ENV (default "OMP_WAIT_POLICY=PASSIVE OPENBLAS_THREAD_TIMEOUT=4"):
# without it libgomp's workers spin for milliseconds after each of our OpenMP loops while
# OpenBLAS's workers need the same two cores for the next GEMM, and our step took 119-157 ms
# instead of 68-77 ms (measured here, 2026-11-23). THREAD_ENV= (empty) times the defaults.
# Run after `mvn -DskipTests package`. ROUNDS=N repeats the triple N times (default 1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${JAVA_HOME:?set JAVA_HOME to a JDK 25 (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)}"
jar="$root/benchmarks/target/ibinit-benchmarks.jar"
[ -f "$jar" ] || { echo "missing $jar: run mvn -DskipTests package first" >&2; exit 1; }
thread_env="${THREAD_ENV-OMP_WAIT_POLICY=PASSIVE OPENBLAS_THREAD_TIMEOUT=4}"
echo "thread environment: ${thread_env:-(defaults)}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# JMH in sample mode times every step, as the peer does: both report mean, median and minimum per
# step, and the ratios compare medians (the host's slow spells only ever add time).
col() { awk -F, -v key="\"ibinit.bench.MineStepBenchmark.step$1\"" '$1 == key { print $5 }' "$tmp/jmh.csv"; }
for round in $(seq 1 "${ROUNDS:-1}"); do
  env $thread_env "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" MineStepBenchmark -p backend=cpu \
    -bm sample -rf csv -rff "$tmp/jmh.csv" > "$tmp/jmh.log" 2>&1 || { cat "$tmp/jmh.log" >&2; exit 1; }
  ours_mean=$(col ""); ours_median=$(col ":p0.50"); ours_min=$(col ":p0.00")
  cat_line=$(env $thread_env /usr/bin/python3 "$root/benchmarks/peers/torch_mine_step.py")
  shared_line=$(env $thread_env /usr/bin/python3 "$root/benchmarks/peers/torch_mine_step.py" --shared-x)
  printf 'round %d: ibinit cpu mine step ms %.2f median %.2f min %.2f (JMH sample mode)\n' "$round" "$ours_mean" "$ours_median" "$ours_min"
  echo "round $round: $cat_line"
  echo "round $round: $shared_line"
  torch_cat=$(echo "$cat_line" | awk '{ print $7 }')
  torch_shared=$(echo "$shared_line" | awk '{ print $7 }')
  awk -v a="$ours_median" -v b="$torch_cat" -v c="$torch_shared" \
    'BEGIN { printf "round '"$round"': median ratio ours/torch = %.3f (torch.cat), %.3f (torch --shared-x)\n", a / b, a / c }'
done
