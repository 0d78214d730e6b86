#!/usr/bin/env bash
# Runs examples/slurm/compare-array.sbatch on a real one-node Slurm cluster started here, and
# checks that the sweep's summary.csv equals that of one process running the same grid.
#   scripts/slurm-check.sh            (as root; needs Debian's slurm-wlm and munge, and a built jar)
# Starts munged (unless one already answers), slurmctld and slurmd with a private slurm.conf,
# state and ports in a temporary folder; stops exactly the daemons it started, by pid, on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

fail() { echo "slurm-check: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root (slurmd runs jobs as their user; munged needs the munge user)"
for tool in munged munge unmunge slurmctld slurmd sbatch squeue; do
  command -v "$tool" >/dev/null || fail "$tool not found: apt-get install slurm-wlm munge"
done
ls cli/target/ibinit-cli-*-all.jar >/dev/null 2>&1 || fail "not built: run scripts/build.sh first"

work="$(mktemp -d /tmp/ibinit-slurm.XXXXXX)"
chmod 755 "$work"
started=()
keep_work=1
cleanup() {
  local pid
  for pid in "${started[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${started[@]}"; do
    # wait only reaps children; poll for daemons started through setpriv
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$keep_work" = 0 ]; then rm -rf "$work"; else echo "slurm-check: logs kept in $work" >&2; fi
}
trap cleanup EXIT

# --- munge: the key must belong to the munge user; munged runs as that user ---
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  if [ ! -s /etc/munge/munge.key ]; then
    install -d -o munge -g munge -m 700 /etc/munge
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  chown munge:munge /etc/munge/munge.key
  chmod 400 /etc/munge/munge.key
  install -d -o munge -g munge -m 755 /run/munge
  install -d -o munge -g munge -m 700 /var/lib/munge /var/log/munge
  setpriv --reuid=munge --regid=munge --init-groups munged --foreground >"$work/munged.log" 2>&1 &
  started+=($!)
  for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.2; done
  munge -n | unmunge >/dev/null || fail "munged does not answer: $(cat "$work/munged.log")"
fi

# --- a one-node cluster of our own (its own ports, so a site's Slurm is left alone) ---
host="$(hostname -s)"
mkdir -p "$work/state" "$work/spool"
cat > "$work/slurm.conf" <<CONF
ClusterName=ibinit-check
SlurmctldHost=$host
SlurmctldPort=6917
SlurmdPort=6918
SlurmUser=root
AuthType=auth/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SchedulerType=sched/backfill
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=check Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -D -i -f "$SLURM_CONF" >"$work/slurmctld.out" 2>&1 &
started+=($!)
slurmd -D -f "$SLURM_CONF" >"$work/slurmd.out" 2>&1 &
started+=($!)
for _ in $(seq 100); do sinfo -h -o %T 2>/dev/null | grep -Eq '^(idle|mixed|allocated)' && break; sleep 0.3; done
sinfo -h -o %T | grep -Eq '^(idle|mixed|allocated)' || fail "the node did not come up: $(tail -5 "$work/slurmctld.log" "$work/slurmd.log")"

# --- the sweep through the example, and the same grid in one process ---
grid="--dataset synthetic --data-option classes=3 --data-option dims=4 --data-option trainSize=120 --data-option testSize=60
 --methods kaiming-normal,xavier-uniform --arch 4-8-3,4-6-3 --seeds 2 --epochs 2 --batch 16 --backend java"
grid="${grid//$'\n'/}"
array=$(IBINIT_HOME="$repo" IBINIT_SWEEP_OUT="$work/sweep" IBINIT_COMPARE_ARGS="$grid" \
  sbatch --parsable --array=0-1 --chdir="$work" examples/slurm/compare-array.sbatch)
echo "slurm-check: submitted array job $array"
# shellcheck disable=SC2086
bin/ibinit compare $grid --out "$work/whole" >"$work/whole.log" 2>&1 || fail "one-process compare failed: $(cat "$work/whole.log")"

deadline=$((SECONDS + 600))
until [ -s "$work/sweep/summary.csv" ] && [ -z "$(squeue -h -o %i)" ]; do
  if [ $SECONDS -gt $deadline ]; then
    squeue || true
    fail "the sweep did not finish in 600 s; logs in $work"
  fi
  if [ -z "$(squeue -h -o %i)" ] && [ ! -s "$work/sweep/summary.csv" ]; then
    sleep 2
    [ -s "$work/sweep/summary.csv" ] || fail "jobs ended without a summary: $(tail -n 20 "$work"/ibinit-*.out 2>/dev/null)"
  fi
  sleep 1
done
cat "$work"/ibinit-summarize-*.out
cmp "$work/whole/summary.csv" "$work/sweep/summary.csv" || fail "summary.csv of the sweep differs from one process's (both in $work)"
echo "slurm-check: passed: 2 array tasks + summarize on Slurm give the same summary.csv as one process ($(($(wc -l < "$work/whole/summary.csv") - 1)) rows)"
keep_work=0
