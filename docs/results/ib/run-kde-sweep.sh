#!/usr/bin/env bash
# The MNIST information plane re-measured (docs/results/ib.md, section 2):
# 1. a short sweep of the KDE noise variance sigma^2 on the run WITHOUT weight decay only (2,000
#    rows, epochs 1, 3, 10, 30), from which sigma^2 is chosen by the rule stated in ib.md;
# 2. both runs (without and with weight decay 1e-3) at the chosen sigma^2 on 4,000 rows.
# Usage: docs/results/ib/run-kde-sweep.sh sweep            -> docs/results/ib/kde-sweep/*.json
#        docs/results/ib/run-kde-sweep.sh final SIGMA2     -> docs/results/infoplane-mnist-kde*.json/.png
# (MNIST folder: MNIST_DIR, else $IBINIT_MNIST_DIR, else ~/.ibinit/data/mnist)
set -euo pipefail
cd "$(dirname "$0")/../../.."
. scripts/experiment-env.sh
run() { local t0=$SECONDS; bin/ibinit infoplane --task mnist "${mnist_dir[@]}" --epochs 30 --seed 1 "$@"; echo "wall time: $((SECONDS - t0)) s"; }
case "$1" in
  sweep)
    mkdir -p docs/results/ib/kde-sweep
    for s2 in ${SWEEP:-2 10 50 250 1250}; do
      run --measure-rows 2000 --record-epochs 1,3,10,30 --noise-variance "$s2" --out "docs/results/ib/kde-sweep/mnist-s2-$s2"
    done
    python3 docs/results/ib/summarize-kde-sweep.py docs/results/ib/kde-sweep/mnist-s2-*.json ;;
  final)
    epochs=1,2,3,4,6,8,10,13,18,24,30
    run --measure-rows 4000 --record-epochs $epochs --noise-variance "$2" --out docs/results/infoplane-mnist-kde
    run --measure-rows 4000 --record-epochs $epochs --noise-variance "$2" --weight-decay 1e-3 --out docs/results/infoplane-mnist-kde-wd ;;
  *) echo "usage: $0 sweep | final SIGMA2" >&2; exit 2 ;;
esac
