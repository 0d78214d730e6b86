#!/usr/bin/env bash
# The IB-reading experiments of docs/results/sparse-filtering.md: 10 runs of sparse filtering on
# random 4-D Gaussians (8 features, 900/100 samples, up to 500 L-BFGS iterations) and the
# explicit-entropy experiment (200 epochs). Writes JSON, PNGs and summary.md into OUTDIR.
# Usage: docs/results/sparse-filtering/run-ib.sh [OUTDIR [RUNS [ITERATIONS [NOISE_VARIANCE [EPOCHS]]]]]
set -euo pipefail
cd "$(dirname "$0")/../../.."
out="${1:-docs/results/sparse-filtering/ib}"; shift || true
. scripts/java-env.sh
jar="${IBINIT_JAR:-$(ls cli/target/ibinit-cli-*-all.jar | head -n1)}"
OMP_WAIT_POLICY=passive "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$jar" \
  ibinit.cli.tools.SparseFilteringIbMain "$out" "$@"
