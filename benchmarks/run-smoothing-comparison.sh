#!/usr/bin/env bash
# A smoothed training step (entropic smoothing, estimator mean, K = 1) against a plain one, ours
# and PyTorch's, back to back (the host slows for minutes at a time, so only timings taken
# together compare): JMH's SmoothedStepBenchmark on the cpu backend (plain and smoothed, both
# nets), then benchmarks/peers/torch_smoothed_step.py at its fastest setting for the smoothed step,
# found by a short sweep in the same run (threads, set_to_none, OMP_WAIT_POLICY,
# OPENBLAS_NUM_THREADS: benchmarks/peer-sweep.sh) and named beside the figure. Prints per net: ours
# plain, ours smoothed, the ratio (target <= 2.1), PyTorch plain and smoothed, and ours / PyTorch.
# Thread policy: ours uses the default pool (every core, OpenBLAS and our OpenMP loops);
# THREAD_ENV as in run-mine-comparison.sh. Run after `mvn -DskipTests package`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/benchmarks/peer-sweep.sh"
: "${JAVA_HOME:?set JAVA_HOME to a JDK 25 (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)}"
jar="$root/benchmarks/target/ibinit-benchmarks.jar"
[ -f "$jar" ] || { echo "missing $jar: run mvn -DskipTests package first" >&2; exit 1; }
thread_env="${THREAD_ENV-OMP_WAIT_POLICY=PASSIVE OPENBLAS_THREAD_TIMEOUT=4}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
env $thread_env "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" SmoothedStepBenchmark -p backend=cpu \
  -rf csv -rff "$tmp/jmh.csv" > "$tmp/jmh.log" 2>&1 || { cat "$tmp/jmh.log" >&2; exit 1; }
for arch in 1x28x28-c1k3-c1k3-c1k3-c1k3-10 784-512-512-10; do
  # peer_run starts the peer without our THREAD_ENV (OMP_WAIT_POLICY=PASSIVE can slow PyTorch).
  peer_best /usr/bin/python3 "$root/benchmarks/peers/torch_smoothed_step.py" --arch "$arch"
  echo "$arch: PyTorch sweep, smoothed step seconds (fastest first): $PEER_SWEEP"
  peer_run /usr/bin/python3 "$root/benchmarks/peers/torch_smoothed_step.py" --arch "$arch" \
    | awk -v s="$PEER_SETTING" '{ print $2, $3, $5, s }' >> "$tmp/torch.txt"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$tmp/jmh.csv" "$tmp/torch.txt" <<'PY'
import csv, sys
ours = {}
for row in csv.DictReader(open(sys.argv[1])):
    ours[(row["Param: arch"], row["Param: smoothing"])] = float(row["Score"])
torch, setting = {}, {}
for line in open(sys.argv[2]):
    arch, smoothing, us, peer = line.rstrip("\n").split(" ", 3)
    torch[(arch, smoothing)] = float(us)
    setting[arch] = peer
print("| net | ibinit plain (us) | ibinit smoothed K=1 (us) | ibinit smoothed / plain | PyTorch plain (us) | PyTorch smoothed (us) | PyTorch smoothed / plain | PyTorch setting | ibinit / PyTorch, smoothed |")
print("|---|---|---|---|---|---|---|---|---|")
for arch in ("1x28x28-c1k3-c1k3-c1k3-c1k3-10", "784-512-512-10"):
    p, s = ours[(arch, "none")], ours[(arch, "paper")]
    tp, ts = torch[(arch, "none")], torch[(arch, "paper")]
    print(f"| {arch} | {p:.0f} | {s:.0f} | {s / p:.2f} | {tp:.0f} | {ts:.0f} | {ts / tp:.2f} | {setting[arch]} | {s / ts:.2f} |")
PY
