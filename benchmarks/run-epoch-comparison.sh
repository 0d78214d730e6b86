#!/usr/bin/env bash
# One training epoch of an MLP on Fashion-MNIST (60,000 images, batch 128, SGD lr 0.01 momentum
# 0.9): ibinit (`bin/ibinit train`, cpu backend) and PyTorch (Debian python3-torch,
# torch.set_num_threads(1): its best setting on 2 cores) back to back for each architecture.
# Reports the median training seconds of epochs 2.. (epoch 1 warms up the JIT and caches) and the
# ratio PyTorch / ours. Usage: benchmarks/run-epoch-comparison.sh [epochs] [arch ...]
set -euo pipefail
cd "$(dirname "$0")/.."
epochs="${1:-4}"
shift || true
archs=("$@")
[ "${#archs[@]}" -gt 0 ] || archs=(784-100-10 784-512-512-10 784-512-512-512-512-10)
export OMP_WAIT_POLICY=passive
[ -f cli/target/ibinit-cli-*-all.jar ] 2>/dev/null || scripts/build.sh >/dev/null
out=$(mktemp -d)

printf '| architecture | ibinit s/epoch | PyTorch s/epoch | PyTorch / ibinit |\n|---|---|---|---|\n'
for arch in "${archs[@]}"; do
  JAVA_OPTS="-Dibinit.backend=cpu" bin/ibinit train --arch "$arch" --epochs "$epochs" --batch 128 --optimizer sgd \
    --lr 0.01 --momentum 0.9 --init kaiming-uniform --bias-init pytorch --seed 1 --out "$out/$arch" >"$out/$arch.log" 2>&1
  ours=$(python3 - "$out/$arch" <<'PY'
import glob, json, statistics, sys
run = json.load(open(glob.glob(sys.argv[1] + "/runs/*.json")[0]))
print(statistics.median(e["trainSeconds"] for e in run["history"][1:]))
PY
)
  theirs=$(/usr/bin/python3 benchmarks/peers/torch_mlp_epoch.py --arch "$arch" --epochs "$epochs" \
    | awk 'NR > 1 { print $5 }' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  python3 -c "import sys; o, t = float(sys.argv[2]), float(sys.argv[3]); print(f'| {sys.argv[1]} | {o:.3f} | {t:.3f} | {t / o:.2f} |')" "$arch" "$ours" "$theirs"
done
echo "(median of epochs 2..$epochs; logs in $out)"
