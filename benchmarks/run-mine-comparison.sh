#!/usr/bin/env bash
# One MINE critic step, ours and PyTorch's, back to back (the host slows for minutes at a time,
# so only timings taken together compare): JMH's MineStepBenchmark on the cpu backend, then
# benchmarks/peers/torch_mine_step.py; prints both and the ratio ours / torch.
# Thread policy: ours uses the default pool (every core, shared by our kernels and OpenBLAS);
# PyTorch runs with torch.set_num_threads(1), its best here (OpenBLAS still uses both cores).
# Run after `mvn -DskipTests package`. ROUNDS=N repeats the pair N times (default 1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${JAVA_HOME:?set JAVA_HOME to a JDK 25 (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)}"
jar="$root/benchmarks/target/ibinit-benchmarks.jar"
[ -f "$jar" ] || { echo "missing $jar: run mvn -DskipTests package first" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for round in $(seq 1 "${ROUNDS:-1}"); do
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" MineStepBenchmark -p backend=cpu \
    -rf csv -rff "$tmp/jmh.csv" > "$tmp/jmh.log" 2>&1 || { cat "$tmp/jmh.log" >&2; exit 1; }
  ours=$(awk -F, 'NR == 2 { gsub(/"/, "", $5); print $5 }' "$tmp/jmh.csv")
  err=$(awk -F, 'NR == 2 { gsub(/"/, "", $6); print $6 }' "$tmp/jmh.csv")
  torch_line=$(/usr/bin/python3 "$root/benchmarks/peers/torch_mine_step.py")
  torch=$(echo "$torch_line" | awk '{ print $5 }')
  echo "round $round: ibinit cpu $ours ms/step (+- $err, JMH 99.9%) | torch $torch ms/step ($torch_line)"
  awk -v a="$ours" -v b="$torch" 'BEGIN { printf "round '"$round"': ratio ours/torch = %.3f\n", a / b }'
done
