#!/usr/bin/env bash
# Checks the experiment scripts under docs/results against the built CLI, so they cannot rot as the
# options change: each one parses (bash -n), every --option it passes (outside comments) is one that
# the ibinit commands it calls list in their --help, and every tool class it runs (java -cp) is in the
# built jar; the result pages' Python scripts compile, and the SVG figures drawn from committed data
# are what their scripts draw from it now. Run after scripts/build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
. scripts/java-env.sh
classes="$("$JAVA_HOME/bin/jar" tf "$(ls cli/target/ibinit-cli-*-all.jar | head -n1)")"
for script in docs/results/*/*.sh; do
  bash -n "$script" || { echo "results-scripts-check: $script does not parse" >&2; fail=1; continue; }
  for tool in $(grep -o 'ibinit\.cli\.tools\.[A-Za-z]*' "$script" | sort -u || true); do
    grep -qx "${tool//.//}.class" <<< "$classes" || { echo "results-scripts-check: $script runs $tool, which the jar does not hold" >&2; fail=1; }
  done
  commands="$(grep -o 'bin/ibinit"\? [a-z][a-z-]*' "$script" | awk '{print $2}' | sort -u || true)"
  [ -n "$commands" ] || continue # scripts that run a tool class directly (java -cp) have no CLI options to check
  help=""
  for c in $commands; do help+="$(bin/ibinit "$c" --help 2>&1)"$'\n'; done
  for option in $(grep -v '^[[:space:]]*#' "$script" | grep -o -- '--[a-z][a-z0-9-]*' | sort -u || true); do
    if ! grep -q -- "${option}\b" <<< "$help"; then
      echo "results-scripts-check: $script passes $option, which no command it calls ($(echo $commands)) knows" >&2
      fail=1
    fi
  done
done
# The Python side (python3 only; the statistics scripts also need scipy, not loaded here).
if command -v python3 > /dev/null; then
  export PYTHONDONTWRITEBYTECODE=1 # no __pycache__ left in the tree
  for py in docs/results/*.py docs/results/*/*.py; do
    python3 -c 'import sys; compile(open(sys.argv[1]).read(), sys.argv[1], "exec")' "$py" 2>/dev/null || { echo "results-scripts-check: $py does not compile" >&2; fail=1; }
  done
  figures="$work/figures"
  mkdir "$figures"
  python3 docs/results/ib/plot-noise-sweep.py docs/results/ib/noise-sweep.csv "$figures/noise-sweep.svg"
  python3 docs/results/ibci/plot-scales.py "$figures/scales-mlp5.svg" "MNIST split=docs/results/ibci/scales-mnist.tsv" \
    "Fashion-MNIST=docs/results/ibci/scales-fashion-mnist.tsv"
  for f in ib/noise-sweep.svg ibci/scales-mlp5.svg; do
    cmp -s "$figures/$(basename "$f")" "docs/results/$f" || { echo "results-scripts-check: docs/results/$f is not what its script draws from the committed data" >&2; fail=1; }
  done
  bin/ibinit summarize docs/results/ibci/table1-fashion-mnist --methods he,ibci-he,ibci-code-he,ibci-he:rescale,ibci-code-he:rescale \
    --arch 784-32-32-32-32-10 --out "$figures/fashion-mlp5" > /dev/null
  # (the tables behind the plot: the drawing itself depends on the fonts installed)
  for f in summary.csv runs.csv; do
    cmp -s "$figures/fashion-mlp5/$f" "docs/results/ibci/fashion-mlp5/$f" \
      || { echo "results-scripts-check: docs/results/ibci/fashion-mlp5/$f is not what summarize makes of the committed runs" >&2; fail=1; }
  done
  # Every table a script prints from the committed data stands, verbatim, in its page.
  tables_in_page() { # PAGE COMMAND...: each block of '|' lines that COMMAND prints must be in PAGE
    local page="$1"; shift
    local missing
    missing="$("$@" | python3 -c '
import sys
page, out = open(sys.argv[1]).read(), sys.stdin.read()
blocks, cur = [], []
for line in out.splitlines() + [""]:
    if line.startswith("|"):
        cur.append(line)
    elif cur:
        blocks.append("\n".join(cur)); cur = []
missing = [b.splitlines()[2] for b in blocks if b not in page]
for m in missing: print(m)
sys.exit(1 if missing or not blocks else 0)' "$page")" \
      || { echo "results-scripts-check: $page lacks what \`$*\` prints from the committed data, e.g. $(head -n1 <<< "$missing")" >&2; fail=1; }
  }
  for grid in mnist fashion-mnist; do
    tables_in_page docs/results/ibci.md python3 docs/results/ibci/tables.py "docs/results/ibci/table1-$grid/runs.csv"
    tables_in_page docs/results/ibci.md python3 docs/results/ibci/scales.py "docs/results/ibci/scales-$grid.tsv"
  done
  if python3 -c 'import scipy' 2> /dev/null; then
    tables_in_page docs/results/ibci.md python3 docs/results/ibci/paired.py docs/results/ibci/table1-mnist/runs.csv 2000
    tables_in_page docs/results/ibci.md python3 docs/results/ibci/paired.py docs/results/ibci/table1-fashion-mnist/runs.csv 10000
    for grid in mnist fashion-mnist; do
      tables_in_page docs/results/sparse-filtering.md python3 docs/results/sparse-filtering/table.py "docs/results/sparse-filtering/grid-$grid"
    done
  else
    echo "results-scripts-check: no scipy here, the paired-test tables are not checked"
  fi
fi
# What they share: the pinned jar copy runs, and is kept across resumes.
pinned="$work/pinned"
( unset IBINIT_JAR; . scripts/experiment-env.sh; ibinit_pin_jar "$pinned"; bin/ibinit --version > /dev/null ) \
  || { echo "results-scripts-check: ibinit_pin_jar did not give a jar that runs" >&2; fail=1; }
before="$(stat -c %Y "$pinned/ibinit.jar")"
( unset IBINIT_JAR; . scripts/experiment-env.sh; sleep 1; ibinit_pin_jar "$pinned" )
[ "$(stat -c %Y "$pinned/ibinit.jar")" = "$before" ] || { echo "results-scripts-check: ibinit_pin_jar replaced a kept copy" >&2; fail=1; }
[ "$fail" = 0 ] && echo "results-scripts-check: every experiment script parses and uses known options; the Python scripts compile; the figures are what their scripts draw"
exit "$fail"
