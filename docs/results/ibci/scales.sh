#!/usr/bin/env bash
# Per-layer scale of each initialization method at initialization (before any training), as in
# docs/results/ibci.md: `ibinit init --scales` on the whole training set of the data set, for every
# method of the Table 1 grid, the three architectures and seeds $SEEDS (default 1 2 3); summarized by scales.py.
# The data-driven methods see the whole training set, as in the grid (INIT_SAMPLE rows, default 1000000: all of them).
# Usage: docs/results/ibci/scales.sh OUT.tsv [data options, e.g. --dataset mnist --data-dir data/mnist]
set -euo pipefail
out="$1"; shift
cd "$(dirname "$0")/../../.."
methods="${METHODS:-xavier he lsuv lsuv:pre=xavier lsuv:pre=he ibci-xavier ibci-he ibci-iim-xavier ibci-iim-he ibci-code-xavier ibci-code-he ibci-code-xavier:rescale ibci-code-he:rescale ibci-xavier:rescale ibci-he:rescale}"
. scripts/experiment-env.sh
ibinit_pin_jar
tmp="$(mktemp -d)"
printf 'method\tarch\tseed\tlayer\tin\tout\trow_norm\tpre_std\tact_std\n' > "$out"
for m in $methods; do
  for a in 784-100-10 784-256-100-10 784-32-32-32-32-10; do
    for s in ${SEEDS:-1 2 3}; do
      bin/ibinit init "$@" --arch "$a" --init "$m" --seed "$s" --init-sample "${INIT_SAMPLE:-1000000}" --scales --out "$tmp/w" \
        | awk -v m="$m" -v a="$a" -v s="$s" 'f { print m "\t" a "\t" s "\t" $0 } /^layer\t/ { f = 1 }' >> "$out"
    done
  done
done
rm -rf "$tmp"
