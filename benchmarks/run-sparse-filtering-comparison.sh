#!/usr/bin/env bash
# One sparse-filtering objective + gradient evaluation (D 784, N 256, 10,000 examples), ours and
# numpy's, alternating in ROUNDS rounds (default 3; the host slows for minutes at a time, so only
# timings taken together compare): JMH's SparseFilteringBenchmark (sample mode, cpu backend) with
# a pool of 1 and of 2 threads (IBINIT_THREADS, for OpenBLAS and our kernels alike), then the numpy
# peer with 1 and with 2 BLAS threads (OPENBLAS_NUM_THREADS set for the peer's process only).
# Prints each round, then the median over rounds of each median and the range of the per-round
# medians, and the ratio numpy-at-its-best / ours-at-its-best (each best by its median).
# Run after `mvn -DskipTests package`. PYTHON picks the interpreter (default python3). JMH's lock is
# ignored: other JMH runs on a shared host must not stop this one (they do slow it: say so).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/java-env.sh"
. "$root/benchmarks/peer-sweep.sh"
jar="$root/benchmarks/target/ibinit-benchmarks.jar"
[ -f "$jar" ] || { echo "missing $jar: run mvn -DskipTests package first" >&2; exit 1; }
py="${PYTHON:-python3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
col() { awk -F, -v key="\"ibinit.bench.SparseFilteringBenchmark.$1\"" '$1 == key { print $5 }' "$tmp/jmh.csv"; }
: > "$tmp/ours1"; : > "$tmp/ours2"; : > "$tmp/copies1"; : > "$tmp/copies2"; : > "$tmp/np1"; : > "$tmp/np2"
for round in $(seq 1 "${ROUNDS:-3}"); do
  for t in 1 2; do
    IBINIT_THREADS=$t OMP_WAIT_POLICY=PASSIVE "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Djmh.ignoreLock=true -jar "$jar" \
      SparseFilteringBenchmark -rf csv -rff "$tmp/jmh.csv" > "$tmp/jmh.log" 2>&1 || { cat "$tmp/jmh.log" >&2; exit 1; }
    ours=$(col "step:p0.50"); copies=$(col "stepWithCopies:p0.50")
    printf 'round %d: ibinit cpu sf step ms median %.2f min %.2f max %.2f; with host copies median %.2f; threads %d\n' \
      "$round" "$ours" "$(col "step:p0.00")" "$(col "step:p1.00")" "$copies" "$t"
    echo "$ours" >> "$tmp/ours$t"; echo "$copies" >> "$tmp/copies$t"
  done
  # The peer starts in a clean environment (none of our thread settings); --threads sets its BLAS threads.
  np1=$(peer_clean_env "" "$py" "$root/benchmarks/peers/numpy_sparse_filtering.py" --threads 1)
  np2=$(peer_clean_env "" "$py" "$root/benchmarks/peers/numpy_sparse_filtering.py" --threads 2)
  echo "round $round: $np1"
  echo "round $round: $np2"
  echo "$np1" | awk '{ print $6 }' >> "$tmp/np1"; echo "$np2" | awk '{ print $6 }' >> "$tmp/np2"
done
summary() { sort -g "$1" | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f (range %.2f..%.2f)", m, v[1], v[NR] }'; }
med() { sort -g "$1" | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "over ${ROUNDS:-3} rounds, median of the per-round medians (range):"
echo "  ibinit cpu step, 1 thread               $(summary "$tmp/ours1") ms"
echo "  ibinit cpu step, 2 threads              $(summary "$tmp/ours2") ms"
echo "  ibinit cpu step with copies, 1 thread   $(summary "$tmp/copies1") ms"
echo "  ibinit cpu step with copies, 2 threads  $(summary "$tmp/copies2") ms"
echo "  numpy, 1 BLAS thread                    $(summary "$tmp/np1") ms"
echo "  numpy, 2 BLAS threads                   $(summary "$tmp/np2") ms"
awk -v o1="$(med "$tmp/ours1")" -v o2="$(med "$tmp/ours2")" -v a="$(med "$tmp/np1")" -v b="$(med "$tmp/np2")" 'BEGIN {
  best = a < b ? a : b; name = a < b ? "1 thread" : "2 threads";
  ours = o1 < o2 ? o1 : o2; oname = o1 < o2 ? "1 thread" : "2 threads";
  printf "  numpy at its best (%s) / ibinit at its best (%s) = %.2fx\n", name, oname, best / ours }'
