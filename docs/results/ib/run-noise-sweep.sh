#!/usr/bin/env bash
# Figure 2 of docs/results/ib.md (the AA-MINE paper's Figure 2): AA-MINE and plain MINE estimates of
# I(X; L_1 + eps) on a random tanh MLP as sigma^2 shrinks. Usage: docs/results/ib/run-noise-sweep.sh [STEPS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
jar="${IBINIT_JAR:-$(ls cli/target/ibinit-cli-*-all.jar | head -n1)}"
. scripts/java-env.sh   # a JDK 25 (the machine's default java may be older)
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$jar" ibinit.cli.tools.NoiseSweepMain "${1:-2000}" > docs/results/ib/noise-sweep.csv
python3 docs/results/ib/plot-noise-sweep.py docs/results/ib/noise-sweep.csv docs/results/ib/noise-sweep.svg
