#!/usr/bin/env bash
# The paper's end-to-end IB regularizer (appendix B): CE, CE - I(Y;Yhat), CE - I(Y;Yhat) + 1e-3 I(X;Yhat+eps),
# the critics on the logits, on the MNIST split (100% and 1%); shortened for 2 CPU cores (1100 network
# updates, as many as the layerwise cross-entropy baseline; see docs/results/ib.md). Results:
# docs/results/ib/end-to-end/SETTING/OBJECTIVE-sSEED.json; checkpoints under runs/ib-end-to-end/.
# Resumable: run the same command again. Usage: docs/results/ib/run-end-to-end.sh [SEEDS] [SETTINGS]
# (defaults "1" and "mnist-100 mnist-1")
set -euo pipefail
seeds="${1:-1}"; settings="${2:-mnist-100 mnist-1}"
cd "$(dirname "$0")/../../.."
. scripts/experiment-env.sh
ibinit_pin_jar
short=(--iterations 1100 --critic-steps 2 --pretrain-steps 100 --critic-hidden 256,256 --critic-lr 1e-3)
for seed in $seeds; do
  for setting in $settings; do
    frac=()
    [ "$setting" = mnist-1 ] && frac=(--train-fraction 0.01)
    for objective in ce ib-y-only ib; do
      result="docs/results/ib/end-to-end/$setting/$objective-s$seed.json"
      [ -e "$result" ] && continue
      run="runs/ib-end-to-end/$setting/$objective-s$seed"
      resume=()
      [ -e "$run/checkpoint.safetensors" ] && resume=(--resume)
      echo "== $setting $objective seed $seed"
      bin/ibinit ib-train --mode end-to-end --objective "$objective" "${mnist_data[@]}" "${frac[@]}" "${short[@]}" --seed "$seed" --out "$run" "${resume[@]}"
      mkdir -p "$(dirname "$result")"
      cp "$run/result.json" "$result"
    done
  done
done
python3 docs/results/ib/summarize.py end-to-end
