#!/usr/bin/env bash
# Builds the native libraries (CMake, driven by Maven) and the jars, without running tests.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
mvn -q -B -ntp -DskipTests package
echo "built: $(ls cli/target/ibinit-cli-*-all.jar)"
