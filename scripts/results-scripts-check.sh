#!/usr/bin/env bash
# Checks the experiment scripts under docs/results against the built CLI, so they cannot rot as the
# options change: each one parses (bash -n), every --option it passes (outside comments) is one that
# the ibinit commands it calls list in their --help, and every tool class it runs (java -cp) is in the
# built jar. Run after scripts/build.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
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
# What they share: the pinned jar copy runs, and is kept across resumes.
pinned="$(mktemp -d)"
trap 'rm -rf "$pinned"' EXIT
( unset IBINIT_JAR; . scripts/experiment-env.sh; ibinit_pin_jar "$pinned"; bin/ibinit --version > /dev/null ) \
  || { echo "results-scripts-check: ibinit_pin_jar did not give a jar that runs" >&2; fail=1; }
before="$(stat -c %Y "$pinned/ibinit.jar")"
( unset IBINIT_JAR; . scripts/experiment-env.sh; sleep 1; ibinit_pin_jar "$pinned" )
[ "$(stat -c %Y "$pinned/ibinit.jar")" = "$before" ] || { echo "results-scripts-check: ibinit_pin_jar replaced a kept copy" >&2; fail=1; }
[ "$fail" = 0 ] && echo "results-scripts-check: every experiment script parses and uses known options"
exit "$fail"
