#!/usr/bin/env bash
# The IBCI paper's Table 1 grid (and Table 2: TIE vs IIM) on one data set, as recorded in
# docs/results/ibci.md. Usage: docs/results/ibci/run-table1.sh DATASET OUTDIR [extra compare options]
# e.g.  docs/results/ibci/run-table1.sh fashion-mnist docs/results/ibci/table1-fashion-mnist
#       docs/results/ibci/run-table1.sh mnist docs/results/ibci/table1-mnist --data-dir ../shared/data/mnist
# Resumable: run the same command again with --resume after an interruption.
set -euo pipefail
dataset="$1"; out="$2"; shift 2
cd "$(dirname "$0")/../../.."
# Run from a copy of the jar: a rebuild during the hour-long grid must not replace it mid-run.
[ -n "${IBINIT_JAR:-}" ] || { IBINIT_JAR="$(mktemp -d)/ibinit.jar"; cp cli/target/ibinit-cli-*-all.jar "$IBINIT_JAR"; export IBINIT_JAR; }
bin/ibinit compare --dataset "$dataset" "$@" \
  --methods xavier,he,lsuv,ibci-xavier,ibci-he,ibci-tie,ibci-iim \
  --arch 784-100-10,784-256-100-10,784-32-32-32-32-10 --act relu \
  --optimizer sgd --lr 0.1 --momentum 0 --batch 100 --epochs 30 --seeds 5 \
  --init-sample 10000 --jobs 2 --out "$out"
