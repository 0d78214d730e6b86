#!/usr/bin/env bash
# Start-up of a training run: seconds from the launch of bin/ibinit to the first training step
# (the run JSON's timings.processSecondsToFirstStep), for Fashion-MNIST and 784-512-512-10, with
# and without each start-up aid: the decompressed data cache (IBINIT_CACHE_DIR=off turns it off)
# and the ahead-of-time class cache (IBINIT_AOT=off). ROUNDS rounds (default 5), the four
# configurations alternating within each; prints the median and range per configuration.
# Usage: benchmarks/run-startup.sh [arch]
set -euo pipefail
cd "$(dirname "$0")/.."
arch="${1:-784-512-512-10}"
ls cli/target/ibinit-cli-*-all.jar >/dev/null 2>&1 || scripts/build.sh >/dev/null
out=$(mktemp -d)
configs=("both aids" "no data cache" "no class cache" "neither")
for round in $(seq 1 "${ROUNDS:-5}"); do
  for i in 0 1 2 3; do
    data_cache=""; aot=""
    (( i == 1 || i == 3 )) && data_cache=off
    (( i == 2 || i == 3 )) && aot=off
    run="$out/r$round-c$i"
    IBINIT_CACHE_DIR="${data_cache:-${IBINIT_CACHE_DIR:-}}" IBINIT_AOT="$aot" JAVA_OPTS="-Dibinit.backend=cpu" \
      bin/ibinit train --arch "$arch" --epochs 1 --seed 1 --out "$run" > "$run.log" 2>&1
    python3 -c "import glob, json, sys; print(json.load(open(glob.glob(sys.argv[1] + '/runs/*.json')[0]))['timings']['processSecondsToFirstStep'])" "$run" >> "$out/c$i"
  done
done
echo "launch to first training step, $arch, Fashion-MNIST, ${ROUNDS:-5} rounds (load average now $(cut -d' ' -f1-3 /proc/loadavg)):"
for i in 0 1 2 3; do
  printf '  %-16s %s\n' "${configs[$i]}" "$(sort -g "$out/c$i" | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "median %.3f s (range %.3f-%.3f)", m, v[1], v[NR] }')"
done
