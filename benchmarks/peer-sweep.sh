# Sourced by the comparison scripts: runs a peer at its fastest setting, found by a short sweep in
# the same run. The peer's process never inherits our thread environment: every peer command runs
# with OMP_WAIT_POLICY, OPENBLAS_NUM_THREADS and OMP_NUM_THREADS removed, then the environment
# under test added.
#
#   peer_best PEER_COMMAND...      sweeps: runs PEER_COMMAND --sweep once per environment in
#                                  PEER_ENVS and sets PEER_ENV and PEER_ARGS to the fastest
#                                  setting (PEER_SETTING: both, for printing)
#   peer_run PEER_COMMAND...       runs PEER_COMMAND with PEER_ENV and PEER_ARGS
#
# The peer prints "sweep SECONDS OPTIONS..." per in-process setting (benchmarks/peers/peer_settings.py).

# Environments tried: libgomp's default spinning or sleeping workers, OpenBLAS with its own
# threads or single-threaded. (An empty entry is the plain environment.)
PEER_ENVS=("" "OMP_WAIT_POLICY=PASSIVE" "OPENBLAS_NUM_THREADS=1" "OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1")

peer_clean_env() {
  local settings="$1"; shift
  # shellcheck disable=SC2086 # the settings are NAME=VALUE words
  env -u OMP_WAIT_POLICY -u OPENBLAS_NUM_THREADS -u OMP_NUM_THREADS $settings "$@"
}

peer_best() {
  local sweep_file settings line
  sweep_file="$(mktemp)"
  for settings in "${PEER_ENVS[@]}"; do
    peer_clean_env "$settings" "$@" --sweep | while read -r line; do
      [[ "$line" == sweep\ * ]] && printf '%s\t%s\t%s\n' "$(cut -d' ' -f2 <<<"$line")" "${settings:--}" "$(cut -d' ' -f3- <<<"$line")"
    done >> "$sweep_file"
  done
  [ -s "$sweep_file" ] || { echo "peer sweep of '$*' printed no sweep lines" >&2; rm -f "$sweep_file"; return 1; }
  # "-" stands for the plain environment (an empty tab-separated field would vanish in read)
  IFS=$'\t' read -r _ PEER_ENV PEER_ARGS < <(sort -g "$sweep_file" | head -1)
  PEER_SETTING="$( [ "$PEER_ENV" = - ] && echo "default environment" || echo "$PEER_ENV") $PEER_ARGS"
  [ "$PEER_ENV" != - ] || PEER_ENV=""
  PEER_SWEEP="$(sort -g "$sweep_file" | awk -F'\t' '{ printf "%s%s [%s] %.4g", (NR > 1 ? "; " : ""), $3, ($2 == "-" ? "default env" : $2), $1 }')"
  rm -f "$sweep_file"
}

peer_run() {
  # shellcheck disable=SC2086 # PEER_ARGS are separate options
  peer_clean_env "$PEER_ENV" "$@" $PEER_ARGS
}
