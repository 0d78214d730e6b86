#!/usr/bin/env bash
# One MINE critic step, ours and PyTorch's, back to back (the host slows for minutes at a time,
# so only timings taken together compare): JMH's MineStepBenchmark on the cpu backend, then
# benchmarks/peers/torch_mine_step.py as MINE code usually writes it (torch.cat of the joint and
# marginal inputs) and with --shared-x (the first layer's x half computed once, as ours does);
# prints all three and the ratios ours / torch.
# Thread policy: ours uses the default pool size (every core, for our OpenMP kernels and for
# OpenBLAS) and THREAD_ENV (default "OMP_WAIT_POLICY=PASSIVE OPENBLAS_THREAD_TIMEOUT=4": without
# it libgomp's workers spin after each of our OpenMP loops while the next GEMM needs the cores).
# THREAD_ENV= (empty) times our defaults. PyTorch never gets THREAD_ENV: each of its two forms runs
# at its fastest setting, found by a short sweep in the same run (threads, set_to_none,
# OMP_WAIT_POLICY, OPENBLAS_NUM_THREADS: benchmarks/peer-sweep.sh), printed beside the figure.
# Run after `mvn -DskipTests package`. ROUNDS=N repeats the triple N times (default 1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${JAVA_HOME:?set JAVA_HOME to a JDK 25 (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)}"
jar="$root/benchmarks/target/ibinit-benchmarks.jar"
[ -f "$jar" ] || { echo "missing $jar: run mvn -DskipTests package first" >&2; exit 1; }
. "$root/benchmarks/peer-sweep.sh"
thread_env="${THREAD_ENV-OMP_WAIT_POLICY=PASSIVE OPENBLAS_THREAD_TIMEOUT=4}"
echo "thread environment: ${thread_env:-(defaults)}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# JMH in sample mode times every step, as the peer does: both report mean, median and minimum per
# step, and the ratios compare medians (the host's slow spells only ever add time).
col() { awk -F, -v key="\"ibinit.bench.MineStepBenchmark.step$1\"" '$1 == key { print $5 }' "$tmp/jmh.csv"; }
peer=(/usr/bin/python3 "$root/benchmarks/peers/torch_mine_step.py")
peer_best "${peer[@]}"
echo "PyTorch sweep, torch.cat form (seconds per step, fastest first): $PEER_SWEEP"
cat_env="$PEER_ENV" cat_args="$PEER_ARGS" cat_setting="$PEER_SETTING"
peer_best "${peer[@]}" --shared-x
echo "PyTorch sweep, --shared-x form: $PEER_SWEEP"
shared_env="$PEER_ENV" shared_args="$PEER_ARGS" shared_setting="$PEER_SETTING"
echo "PyTorch settings: torch.cat form: $cat_setting; --shared-x form: $shared_setting"
for round in $(seq 1 "${ROUNDS:-1}"); do
  env $thread_env "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" MineStepBenchmark -p backend=cpu \
    -bm sample -rf csv -rff "$tmp/jmh.csv" > "$tmp/jmh.log" 2>&1 || { cat "$tmp/jmh.log" >&2; exit 1; }
  ours_mean=$(col ""); ours_median=$(col ":p0.50"); ours_min=$(col ":p0.00")
  cat_line=$(PEER_ENV="$cat_env" PEER_ARGS="$cat_args" peer_run "${peer[@]}")
  shared_line=$(PEER_ENV="$shared_env" PEER_ARGS="$shared_args" peer_run "${peer[@]}" --shared-x)
  printf 'round %d: ibinit cpu mine step ms %.2f median %.2f min %.2f (JMH sample mode)\n' "$round" "$ours_mean" "$ours_median" "$ours_min"
  echo "round $round: $cat_line"
  echo "round $round: $shared_line"
  torch_cat=$(echo "$cat_line" | awk '{ print $7 }')
  torch_shared=$(echo "$shared_line" | awk '{ print $7 }')
  awk -v a="$ours_median" -v b="$torch_cat" -v c="$torch_shared" \
    'BEGIN { printf "round '"$round"': median ratio ours/torch = %.3f (torch.cat), %.3f (torch --shared-x)\n", a / b, a / c }'
done
