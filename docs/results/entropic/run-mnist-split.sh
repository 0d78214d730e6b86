#!/usr/bin/env bash
# The five protocols of the entropic-scoping paper (its Figure 2) on the MNIST split (8,000
# training / 2,000 test images from MNIST's t10k files), the paper's settings: 120 epochs, SGD
# lr 1e-3, momentum 0.9, batch 256, no weight decay. Resumable: run it again to finish a grid.
# Usage: run-mnist-split.sh MNIST_DIR [EPOCHS] [SEEDS] [OUT]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mnist="${1:?usage: run-mnist-split.sh MNIST_DIR [EPOCHS] [SEEDS] [OUT]}"
epochs="${2:-120}"
seeds="${3:-3}"
out="${4:-$here/mnist-split}"
exec "$here/../../../bin/ibinit" compare --dataset mnist --data-dir "$mnist" \
    --arch 1x28x28-c1k3-c1k3-c1k3-c1k3-10 --bias-init pytorch \
    --optimizer sgd --lr 1e-3 --momentum 0.9 --batch 256 --epochs "$epochs" --seeds "$seeds" \
    --protocol normal:std=0.01 \
    --protocol kaiming-normal \
    --protocol 'normal:std=0.01+box:sigma=0.01' \
    --protocol 'normal:std=0.01+box:sigma=0.01,schedule=exp,factor=1/3,period=10' \
    --protocol 'normal:std=0.01+box:sigma=0.01,schedule=inv-sqrt' \
    --jobs "${JOBS:-2}" --resume --out "$out"
