#!/usr/bin/env bash
# The information-plane figures of docs/results/ib.md: the 12-bit task with tanh and with ReLU
# (Shwartz-Ziv & Tishby; Saxe et al.), and MNIST 784-512-512-10 without and with weight decay
# (the AA-MINE paper's Figure 3). Writes docs/results/infoplane-*.json and .png; prints wall times.
# Usage: docs/results/ib/run-infoplane.sh   (MNIST folder: MNIST_DIR, default ../shared/data/mnist)
set -euo pipefail
cd "$(dirname "$0")/../../.."
mnist="${MNIST_DIR:-../shared/data/mnist}"
run() { local t0=$SECONDS; bin/ibinit infoplane "$@"; echo "wall time: $((SECONDS - t0)) s"; }
run --task 12bit --act tanh --epochs 10000 --seed 1 --out docs/results/infoplane-12bit-tanh
run --task 12bit --act relu --epochs 10000 --seed 1 --out docs/results/infoplane-12bit-relu
run --task mnist --data-dir "$mnist" --epochs 30 --measure-rows 2000 --record-epochs 1,2,3,4,6,8,10,13,18,24,30 --seed 1 --out docs/results/infoplane-mnist
run --task mnist --data-dir "$mnist" --epochs 30 --measure-rows 2000 --record-epochs 1,2,3,4,6,8,10,13,18,24,30 --weight-decay 1e-3 --seed 1 --out docs/results/infoplane-mnist-wd
