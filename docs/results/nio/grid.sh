#!/usr/bin/env bash
# The He / GradInit / NIO reproduction grid of docs/results/nio.md: a deep plain MLP on a quarter
# of Fashion-MNIST, then a small ResNet without batch norm on the MNIST test-set split. Resumable:
# run it again with the same arguments and finished runs are skipped (--resume).
# Usage: docs/results/nio/grid.sh OUT_DIR [MNIST_DIR]   (MNIST_DIR: the MNIST IDX files; the two t10k files alone give
# the test-set split; default $IBINIT_MNIST_DIR, else ~/.ibinit/data/mnist)
set -euo pipefail
out="${1:?usage: grid.sh OUT_DIR [MNIST_DIR]}"
mnist="${2:-${IBINIT_MNIST_DIR:-$HOME/.ibinit/data/mnist}}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
# Run from a copy of the jar, so a rebuild of the tree cannot pull it from under the grid.
. "$here/scripts/experiment-env.sh"
ibinit_pin_jar "$out"
methods="he,gradinit:t=50,nio:t=50"
common=(--methods "$methods" --seeds 5 --jobs 2 --resume --optimizer sgd --momentum 0.9 --schedule cosine
        --batch 128 --init-sample 9600 --act relu)
nice -n 19 "$here/bin/ibinit" compare "${common[@]}" --arch 784-256-256-256-256-256-256-256-256-256-256-10 \
    --dataset fashion-mnist --train-fraction 0.25 --epochs 10 --lr 0.02 --out "$out/mlp"
nice -n 19 "$here/bin/ibinit" compare "${common[@]}" --arch 1x28x28-c8k3p1-r8-r16s2-r32s2-gap-10 \
    --dataset mnist --data-dir "$mnist" --epochs 8 --lr 0.05 --clip 1 --out "$out/resnet"
