#!/usr/bin/env bash
# Checks bin/ibinit's start-up aids on the built project (run after scripts/build.sh):
#  - it finds a JDK 25 without JAVA_HOME (reading the JDKs' release files);
#  - it starts with the ahead-of-time class cache build.sh recorded, and without it under IBINIT_AOT=off;
#  - a cache that does not fit the jar is ignored silently (no output, same result);
#  - a training run records launch-to-first-step, and Fashion-MNIST's gzip files are decompressed
#    into the data cache folder once.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "launcher-check: $*" >&2; exit 1; }
jar="$(ls cli/target/ibinit-cli-*-all.jar 2>/dev/null | head -n1)"
[ -n "$jar" ] || fail "not built: run scripts/build.sh first"
[ -f "${jar%.jar}.aot" ] || fail "no class cache beside $jar: scripts/build.sh records it"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

env -u JAVA_HOME bin/ibinit --version > "$work/version" 2>&1 || fail "no JDK found without JAVA_HOME: $(cat "$work/version")"
grep -q '^ibinit ' "$work/version" || fail "unexpected --version output: $(cat "$work/version")"

source_of_main() { grep -m1 'ibinit.cli.Main source:' "$1" | sed 's/.*source: //'; }
JAVA_OPTS="-Xlog:class+load=info:file=$work/with.log" bin/ibinit --version > /dev/null
[[ "$(source_of_main "$work/with.log")" == *"shared objects file"* ]] || fail "the class cache was not used: Main came from $(source_of_main "$work/with.log")"
IBINIT_AOT=off JAVA_OPTS="-Xlog:class+load=info:file=$work/without.log" bin/ibinit --version > /dev/null
[[ "$(source_of_main "$work/without.log")" == file:* ]] || fail "IBINIT_AOT=off still used the cache"

# A copy of the jar with the cache beside it: the cache names the original jar, so the JVM must
# refuse it, and quietly.
mkdir "$work/copy"
cp "$jar" "${jar%.jar}.aot" "${jar%.jar}.aot.java" "$work/copy/"
copy="$work/copy/$(basename "$jar")"
touch "$work/copy/$(basename "${jar%.jar}.aot")"
IBINIT_JAR="$copy" bin/ibinit --version > "$work/copy.out" 2> "$work/copy.err" || fail "the copy did not start: $(cat "$work/copy.err")"
[ ! -s "$work/copy.err" ] || fail "a misfitting class cache printed: $(cat "$work/copy.err")"
diff -q <(head -n1 "$work/version") <(head -n1 "$work/copy.out") > /dev/null || fail "the copy printed another version"

IBINIT_CACHE_DIR="$work/cache" bin/ibinit train --dataset fashion-mnist --train-fraction 0.02 --arch 784-16-10 --epochs 1 \
  --out "$work/run" > "$work/train.log" 2>&1 || fail "training run failed: $(tail -3 "$work/train.log")"
python3 - "$work/run" <<'PY' || fail "no launch-to-first-step time in the run JSON"
import glob, json, math, sys
t = json.load(open(glob.glob(sys.argv[1] + "/runs/*.json")[0]))["timings"]["processSecondsToFirstStep"]
sys.exit(0 if t is not None and 0 < t < 120 else 1)
PY
ls "$work/cache/data/" | grep -q '^train-images-idx3-ubyte-' || fail "no decompressed copy in the data cache folder"
echo "launcher-check: passed (JDK without JAVA_HOME, class cache used and refused quietly, launch-to-first-step recorded, data cache filled)"
