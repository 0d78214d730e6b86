#!/usr/bin/env bash
# The AA-MINE paper's Table 1 comparison, layer by layer: cross-entropy, IB with only I(Y;L), full
# IB; on the MNIST split (100% and 1% of its 8,000 training images) and on Fashion-MNIST; shortened
# for 2 CPU cores (see docs/results/ib.md). Each run's result goes to
# docs/results/ib/table1/SETTING/OBJECTIVE-sSEED.json; checkpoints stay under runs/ib-table1/.
# Resumable: run the same command again; finished runs are skipped, a cut one continues.
# Usage: docs/results/ib/run-table1.sh [SEEDS]   (default "1 2 3"; MNIST folder: MNIST_DIR)
# Other budgets: BUDGET (the shortening options), TABLE (folder name instead of table1), SETTINGS, e.g.
# the budget-growth run of ib.md:
#   BUDGET="--iterations 1000 --critic-steps 5 --pretrain-steps 100 --head-steps 500 --critic-hidden 512,512 --critic-lr 1e-3" \
#   TABLE=budget SETTINGS=mnist-100 docs/results/ib/run-table1.sh 1
set -euo pipefail
seeds="${1:-1 2 3}"
cd "$(dirname "$0")/../../.."
# Run from a copy of the jar: a rebuild during the grid must not replace it mid-run.
. scripts/experiment-env.sh
ibinit_pin_jar
read -r -a short <<< "${BUDGET:---iterations 300 --critic-steps 2 --pretrain-steps 100 --head-steps 500 --critic-hidden 256,256 --critic-lr 1e-3}"
table="${TABLE:-table1}"
for seed in $seeds; do
  for setting in ${SETTINGS:-mnist-100 mnist-1 fashion-100}; do
    case "$setting" in
      mnist-100) data=("${mnist_data[@]}") ;;
      mnist-1) data=("${mnist_data[@]}" --train-fraction 0.01) ;;
      fashion-100) data=(--dataset fashion-mnist) ;;
    esac
    for objective in ce ib-y-only ib; do
      result="docs/results/ib/$table/$setting/$objective-s$seed.json"
      [ -e "$result" ] && continue
      run="runs/ib-$table/$setting/$objective-s$seed"
      resume=()
      [ -e "$run/checkpoint.safetensors" ] && resume=(--resume)
      echo "== $setting $objective seed $seed"
      bin/ibinit ib-train --mode layerwise --objective "$objective" "${data[@]}" "${short[@]}" --seed "$seed" --out "$run" "${resume[@]}"
      mkdir -p "$(dirname "$result")"
      cp "$run/result.json" "$result"
    done
  done
done
python3 docs/results/ib/summarize.py "$table"
