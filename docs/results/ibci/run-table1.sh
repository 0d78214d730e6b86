#!/usr/bin/env bash
# The IBCI paper's Tables 1 and 2 on one data set at the paper's protocol, as recorded in
# docs/results/ibci.md: 101 epochs (the authors' code), 5 seeds, the whole training set as the
# sample of the data-driven methods (--init-sample larger than any training set here).
# Usage: docs/results/ibci/run-table1.sh DATASET OUTDIR [extra compare options]
# e.g.  docs/results/ibci/run-table1.sh mnist docs/results/ibci/table1-mnist --data-dir data/mnist
#       docs/results/ibci/run-table1.sh fashion-mnist docs/results/ibci/table1-fashion-mnist
# METHODS and ARCHS override the method and architecture lists. Methods run one after the other (every architecture and seed
# of a method before the next), so the list is in order of importance for a partial grid.
# Resumable: run the same command again with --resume after an interruption.
set -euo pipefail
dataset="$1"; out="$2"; shift 2
cd "$(dirname "$0")/../../.."
methods="${METHODS:-xavier,he,ibci-xavier,ibci-he,ibci-iim-xavier,ibci-iim-he,ibci-code-xavier,ibci-code-he,lsuv:pre=xavier,lsuv:pre=he,lsuv,ibci-code-xavier:rescale,ibci-code-he:rescale,ibci-xavier:rescale,ibci-he:rescale}"
# Run from a copy of the jar: a rebuild during the hours-long grid must not replace it mid-run.
. scripts/experiment-env.sh
ibinit_pin_jar
bin/ibinit compare --dataset "$dataset" "$@" \
  --methods "$methods" \
  --arch "${ARCHS:-784-100-10,784-256-100-10,784-32-32-32-32-10}" --act relu \
  --optimizer sgd --lr 0.1 --momentum 0 --batch 100 --epochs 101 --seeds 5 \
  --init-sample 1000000 --jobs 2 --out "$out"
