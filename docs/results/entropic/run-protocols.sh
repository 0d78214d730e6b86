#!/usr/bin/env bash
# The five protocols of the entropic-scoping paper (its Figure 2) as one resumable grid, with the
# paper's training settings: SGD lr 1e-3, momentum 0.9, batch 256, no weight decay, 120 epochs.
#   1 normal:std=0.01            no smoothing
#   2 kaiming-normal             no smoothing
#   3 normal:std=0.01 + box      constant radii R_i = (i-1) 0.01 on the four convolutions
#   4 normal:std=0.01 + box      the same radii, divided by 3 every 10 epochs
#   5 normal:std=0.01 + box      the same radii over sqrt(t)
# Biases start at 0 (BIAS=pytorch: U(+-1/sqrt(fan_in)), as PyTorch's layers leave them; with weights
# of std 0.01 those biases decide alone whether a 1-channel layer is dead, see docs/results/entropic.md).
# Usage: run-protocols.sh DATASET DATA_DIR [EPOCHS] [SEEDS] [OUT]   (run it again to finish a grid)
#   run-protocols.sh mnist MNIST_DIR 120 3 docs/results/entropic/mnist-split
#   run-protocols.sh fashion-mnist /usr/share/datasets/fashion-mnist 120 3 docs/results/entropic/fashion-mnist
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dataset="${1:?usage: run-protocols.sh DATASET DATA_DIR [EPOCHS] [SEEDS] [OUT]}"
data_dir="${2:?usage: run-protocols.sh DATASET DATA_DIR [EPOCHS] [SEEDS] [OUT]}"
epochs="${3:-120}"
seeds="${4:-3}"
out="${5:-$here/$dataset}"
exec "$here/../../../bin/ibinit" compare --dataset "$dataset" --data-dir "$data_dir" \
    --arch 1x28x28-c1k3-c1k3-c1k3-c1k3-10 --bias-init "${BIAS:-zeros}" \
    --optimizer sgd --lr 1e-3 --momentum 0.9 --batch 256 --epochs "$epochs" --seeds "$seeds" \
    --protocol normal:std=0.01 \
    --protocol kaiming-normal \
    --protocol 'normal:std=0.01+box:sigma=0.01' \
    --protocol 'normal:std=0.01+box:sigma=0.01,schedule=exp,factor=1/3,period=10' \
    --protocol 'normal:std=0.01+box:sigma=0.01,schedule=inv-sqrt' \
    --jobs "${JOBS:-2}" --resume --out "$out"
