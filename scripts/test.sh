#!/usr/bin/env bash
# The whole test suite: builds everything (native libraries too) and runs every JUnit test.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
mvn -B -ntp verify "$@"
