#!/usr/bin/env bash
# Repeats of the 12-bit information plane over seeds 1-3 (tanh and ReLU; the seed changes the task's
# vertex order, the 80% split, the weights and the batch order), and an AA-MINE cross-check of the
# MNIST runs. JSON only, into docs/results/ib/planes/ (the PNGs stay under runs/); then
# summarize-planes.py tabulates how much each layer's I(X;T) fell after its peak.
set -euo pipefail
cd "$(dirname "$0")/../../.."
. scripts/experiment-env.sh
mkdir -p docs/results/ib/planes runs/planes
run() { local name="$1"; shift; local t0=$SECONDS; bin/ibinit infoplane "$@" --out "runs/planes/$name"; echo "wall time: $((SECONDS - t0)) s";
        cp "runs/planes/$name/infoplane.json" "docs/results/ib/planes/$name.json"; }
for seed in 1 2 3; do
  for act in tanh relu; do run "12bit-$act-s$seed" --task 12bit --act "$act" --epochs 10000 --seed "$seed"; done
done
for wd in 0 1e-3; do
  run "mnist-aamine-wd$wd" --task mnist "${mnist_dir[@]}" --epochs 30 --measure-rows 2000 --weight-decay "$wd" \
    --estimator aa-mine --mine-steps 150 --critic-hidden 256,256 --record-epochs 1,3,10,30 --seed 1
done
python3 docs/results/ib/summarize-planes.py
