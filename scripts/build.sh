#!/usr/bin/env bash
# Builds the native libraries (CMake, driven by Maven) and the jars, without running tests.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
mvn -q -B -ntp -DskipTests package
# The ahead-of-time class cache bin/ibinit starts with (JDK 25, JEPs 514/515): a training run, on
# Fashion-MNIST where it is installed, records the classes a run loads and the profiles of its hot
# methods, so a run's JIT compiles them sooner (a run long enough for the step to get hot: epochs
# 2-3 of 784-100-10 about 10% shorter than with a 2%-of-the-data recording; ~5 s here).
data=(--dataset synthetic --data-option dims=784 --data-option classes=10 --data-option trainSize=30000)
[ -e /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] && data=(--dataset fashion-mnist --train-fraction 0.5)
aot_run="$(mktemp -d)"
IBINIT_AOT_RECORD=1 bin/ibinit train "${data[@]}" --arch 784-100-10 --epochs 2 --seed 1 --out "$aot_run/run" > "$aot_run/log" 2>&1 \
  || { cat "$aot_run/log" >&2; echo "warning: no start-up cache (the run above failed); bin/ibinit works without it" >&2; }
rm -rf "$aot_run"
echo "built: $(ls cli/target/ibinit-cli-*-all.jar)"
