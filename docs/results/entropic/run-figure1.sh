#!/usr/bin/env bash
# The paper's Figure 1: single-layer smoothing in the 5-layer "cylindrical" MLP (784 units in every
# layer but the output), MNIST, SGD momentum 0.9, constant lr 1e-4, batch 256, no weight decay.
# One run without smoothing and one per smoothed layer 1..4 (the output layer is never smoothed),
# radius SIGMA (constant) on that layer only. Initialization: He (kaiming-uniform), PyTorch biases.
# Usage: run-figure1.sh MNIST_DIR [EPOCHS] [SEEDS] [SIGMA] [OUT]   (resumable: run it again)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mnist="${1:?usage: run-figure1.sh MNIST_DIR [EPOCHS] [SEEDS] [SIGMA] [OUT]}"
epochs="${2:-20}"
seeds="${3:-1}"
sigma="${4:-0.01}"
out="${5:-$here/figure1-sigma$sigma}"
exec "$here/../../../bin/ibinit" compare --dataset mnist --data-dir "$mnist" \
    --arch 784-784-784-784-784-10 --bias-init pytorch \
    --optimizer sgd --lr 1e-4 --momentum 0.9 --batch 256 --epochs "$epochs" --seeds "$seeds" \
    --protocol kaiming-uniform \
    --protocol "kaiming-uniform+box:layers=1,radius=$sigma" \
    --protocol "kaiming-uniform+box:layers=2,radius=$sigma" \
    --protocol "kaiming-uniform+box:layers=3,radius=$sigma" \
    --protocol "kaiming-uniform+box:layers=4,radius=$sigma" \
    --jobs "${JOBS:-1}" --resume --out "$out"
