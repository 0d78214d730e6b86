#!/usr/bin/env bash
# The comparison grid of docs/results/sparse-filtering.md on one data set: sparse-filtering, he, xavier, lsuv and
# ibci (sparse filtering and its base first) on MLP-2/3/5, 5 seeds, the IBCI tables' training set-up (SGD lr 0.1, no momentum,
# batch 100, 10,000-row initialization sample) but 60 epochs, so the minimum is not at the last one.
# Usage: docs/results/sparse-filtering/run-grid.sh DATASET OUTDIR [extra compare options]
#   docs/results/sparse-filtering/run-grid.sh mnist docs/results/sparse-filtering/grid-mnist --data-dir data/mnist
#   docs/results/sparse-filtering/run-grid.sh fashion-mnist docs/results/sparse-filtering/grid-fashion-mnist
# Resumable: run the same command again with --resume after an interruption. METHODS and ARCHS
# (comma lists) run a part of the grid into the same folder; the whole grid with --resume later
# keeps those runs.
set -euo pipefail
dataset="$1"; out="$2"; shift 2
cd "$(dirname "$0")/../../.."
# Run from a copy of the jar: a rebuild during the long grid must not replace it mid-run.
. scripts/experiment-env.sh
ibinit_pin_jar
bin/ibinit compare --dataset "$dataset" "$@" \
  --methods "${METHODS:-sparse-filtering,he,xavier,lsuv,ibci}" \
  --arch "${ARCHS:-784-100-10,784-256-100-10,784-32-32-32-32-10}" --act relu \
  --optimizer sgd --lr 0.1 --momentum 0 --batch 100 --epochs 60 --seeds 5 \
  --init-sample 10000 --jobs 2 --out "$out"
