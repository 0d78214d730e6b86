#!/usr/bin/env bash
# Training epochs of an MLP on Fashion-MNIST (60,000 images, batch 128, SGD lr 0.01 momentum 0.9),
# ibinit (`bin/ibinit train`, cpu backend, its defaults) against PyTorch
# (benchmarks/peers/torch_mlp_epoch.py) at PyTorch's fastest setting, per architecture:
#  1. a short sweep of the peer's settings (threads, zero_grad(set_to_none=...), OMP_WAIT_POLICY,
#     OPENBLAS_NUM_THREADS; benchmarks/peer-sweep.sh), printed;
#  2. ROUNDS rounds (default 5), each one ibinit process and one PyTorch process of EPOCHS epochs
#     (default 3), alternating which side starts, each timed whole, from launch to exit.
# Reports per architecture the median over rounds (and range) of each process's median epoch
# (epochs 2.., epoch 1 warms up), the ratio PyTorch / ours of those medians, and the same for whole
# processes. Usage: benchmarks/run-epoch-comparison.sh [arch ...]   (ROUNDS, EPOCHS: environment)
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/peer-sweep.sh
rounds="${ROUNDS:-5}"
epochs="${EPOCHS:-3}"
archs=("$@")
[ "${#archs[@]}" -gt 0 ] || archs=(784-100-10 784-512-512-10 784-512-512-512-512-10)
ls cli/target/ibinit-cli-*-all.jar >/dev/null 2>&1 || scripts/build.sh >/dev/null
peer=(/usr/bin/python3 benchmarks/peers/torch_mlp_epoch.py)
out=$(mktemp -d)
now() { date +%s.%N; }
median_range() { sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f %.3f %.3f\n", m, v[1], v[NR] }'; }

ours() {  # $1 arch, $2 round: prints "epoch-median whole-process-seconds"
  local run="$out/ours-$1-$2" start end
  start=$(now)
  JAVA_OPTS="-Dibinit.backend=cpu" bin/ibinit train --arch "$1" --epochs "$epochs" --batch 128 --optimizer sgd \
    --lr 0.01 --momentum 0.9 --init kaiming-uniform --bias-init pytorch --seed 1 --out "$run" >"$run.log" 2>&1
  end=$(now)
  python3 - "$run" "$start" "$end" <<'PY'
import glob, json, statistics, sys
run = json.load(open(glob.glob(sys.argv[1] + "/runs/*.json")[0]))
print(statistics.median(e["trainSeconds"] for e in run["history"][1:]), float(sys.argv[3]) - float(sys.argv[2]))
PY
}

theirs() {  # $1 arch, $2 round: prints "epoch-median whole-process-seconds"
  local start end
  start=$(now)
  peer_run "${peer[@]}" --arch "$1" --epochs "$epochs" > "$out/torch-$1-$2.log"
  end=$(now)
  awk -v s="$start" -v e="$end" 'NR > 1 { print $5 }' "$out/torch-$1-$2.log" | median_range | awk -v s="$start" -v e="$end" '{ print $1, e - s }'
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
table=$'| architecture | ibinit s/epoch, median (range) | PyTorch s/epoch, median (range) | PyTorch / ibinit, epoch | ibinit process s | PyTorch process s | PyTorch / ibinit, process | PyTorch setting |\n|---|---|---|---|---|---|---|---|'
for arch in "${archs[@]}"; do
  peer_best "${peer[@]}" --arch "$arch"
  echo "$arch: peer sweep (seconds per step, fastest first): $PEER_SWEEP"
  : > "$out/ours-$arch"; : > "$out/theirs-$arch"
  for round in $(seq 1 "$rounds"); do
    if (( round % 2 )); then ours "$arch" "$round" >> "$out/ours-$arch"; theirs "$arch" "$round" >> "$out/theirs-$arch"
    else theirs "$arch" "$round" >> "$out/theirs-$arch"; ours "$arch" "$round" >> "$out/ours-$arch"; fi
    echo "$arch round $round: ibinit $(tail -1 "$out/ours-$arch") | PyTorch $(tail -1 "$out/theirs-$arch") (epoch median s, process s)"
  done
  read -r oe oe_lo oe_hi < <(cut -d' ' -f1 "$out/ours-$arch" | median_range)
  read -r te te_lo te_hi < <(cut -d' ' -f1 "$out/theirs-$arch" | median_range)
  read -r op op_lo op_hi < <(cut -d' ' -f2 "$out/ours-$arch" | median_range)
  read -r tp tp_lo tp_hi < <(cut -d' ' -f2 "$out/theirs-$arch" | median_range)
  table+=$'\n'"$(awk -v a="$arch" -v oe="$oe" -v ol="$oe_lo" -v oh="$oe_hi" -v te="$te" -v tl="$te_lo" -v th="$te_hi" \
    -v op="$op" -v opl="$op_lo" -v oph="$op_hi" -v tp="$tp" -v tpl="$tp_lo" -v tph="$tp_hi" -v set="$PEER_SETTING" 'BEGIN {
    printf "| %s | %.3f (%.3f-%.3f) | %.3f (%.3f-%.3f) | %.2f | %.2f (%.2f-%.2f) | %.2f (%.2f-%.2f) | %.2f | %s |", \
      a, oe, ol, oh, te, tl, th, te / oe, op, opl, oph, tp, tpl, tph, tp / op, set }')"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$table"
echo "($rounds rounds of $epochs epochs per process; epoch: median of epochs 2..$epochs per process; logs in $out)"
