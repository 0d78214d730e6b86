#!/usr/bin/env bash
# The information-plane figures of docs/results/ib.md: the 12-bit task with tanh and with ReLU
# (Shwartz-Ziv & Tishby; Saxe et al.), and MNIST 784-512-512-10 without and with weight decay
# (the AA-MINE paper's Figure 3). Writes docs/results/infoplane-*.json and .png; prints wall times.
# Usage: docs/results/ib/run-infoplane.sh   (MNIST folder: MNIST_DIR, else $IBINIT_MNIST_DIR, else ~/.ibinit/data/mnist)
set -euo pipefail
cd "$(dirname "$0")/../../.."
. scripts/experiment-env.sh
# infoplane writes OUT/infoplane.json and OUT/infoplane.png; each is copied to docs/results/NAME.{json,png}
run() { local name="$1"; shift; local t0=$SECONDS; bin/ibinit infoplane "$@" --out "runs/infoplane/$name"; echo "wall time: $((SECONDS - t0)) s";
        cp "runs/infoplane/$name/infoplane.json" "docs/results/$name.json"; cp "runs/infoplane/$name/infoplane.png" "docs/results/$name.png"; }
run infoplane-12bit-tanh --task 12bit --act tanh --epochs 10000 --seed 1
run infoplane-12bit-relu --task 12bit --act relu --epochs 10000 --seed 1
run infoplane-mnist --task mnist "${mnist_dir[@]}" --epochs 30 --measure-rows 2000 --record-epochs 1,2,3,4,6,8,10,13,18,24,30 --seed 1
run infoplane-mnist-wd --task mnist "${mnist_dir[@]}" --epochs 30 --measure-rows 2000 --record-epochs 1,2,3,4,6,8,10,13,18,24,30 --weight-decay 1e-3 --seed 1
