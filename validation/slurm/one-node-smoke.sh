#!/usr/bin/env bash
# The pipeline on a real SLURM (issue 17 item 3): starts a one-node SLURM cluster on this machine from Debian's
# packages (slurm-wlm and munge, installed with apt-get when missing; needs root or sudo), then
#   1. submits   bin/softglass pipeline --preset smoke --quench-shards 2 --softness-shards 2 --executor slurm   through
#      it (each temperature's quench and softness in two frame blocks, each block a task of a job array, joined by a
#      merge job that waits for the array's tasks),
#   2. cancels one queued job (train-model), which makes SLURM cancel every job after it (--kill-on-invalid-dep),
#   3. once the queue is empty, resubmits by rerunning the same command: only the cancelled items go again,
#   4. runs the same preset locally (--executor local) with the same --threads and --quench-shards, and one softness
#      item per temperature,
#   5. checks that every item is complete, that the merged quench and softness files equal the local run's byte for
#      byte, and that the two report/summary.json agree (all but the wall times, and the run directory's path where a
#      message names a file).
# Usage: validation/slurm/one-node-smoke.sh [WORKDIR] [THREADS]   (default: a fresh temporary folder, 2)
# THREADS = 2 as the pipeline's own test (PipelineCommandTest): the smoke preset's short MD at that thread count gives
# every training temperature stable and rearranging particles (at --threads 1 the trajectory differs, and T = 0.75 has
# no stable ones). The cluster is stopped on exit; WORKDIR's earlier runs are removed first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d /tmp/softglass-slurm.XXXXXX)}"
threads="${2:-2}"
if [ "$(nproc)" -lt "$threads" ]; then echo "one-node-smoke: this machine has $(nproc) CPUs, fewer than --threads $threads" >&2; exit 1; fi
mkdir -p "$work"
work="$(cd "$work" && pwd)"
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
say() { echo "one-node-smoke: $*" >&2; }

if ! command -v sbatch >/dev/null || ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq slurm-wlm munge >/dev/null
fi

# --- the cluster: its own configuration, state and logs under $work/cluster, ports away from a real cluster's -----
c="$work/cluster"
rm -rf "$c"
mkdir -p "$c/state" "$c/spool" "$c/log"
node="$(uname -n)"; node="${node%%.*}"
cat > "$c/slurm.conf" <<EOF
ClusterName=softglass-test
SlurmctldHost=$node
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
SlurmctldPort=16817
SlurmdPort=16818
StateSaveLocation=$c/state
SlurmdSpoolDir=$c/spool
SlurmctldPidFile=$c/slurmctld.pid
SlurmdPidFile=$c/slurmd.pid
SlurmctldLogFile=$c/log/slurmctld.log
SlurmdLogFile=$c/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MinJobAge=3600
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$c/slurm.conf"

started_munge=0
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  $sudo mkdir -p /run/munge /var/log/munge /var/lib/munge
  $sudo chown munge:munge /run/munge /var/log/munge /var/lib/munge 2>/dev/null || true
  [ -s /etc/munge/munge.key ] || { $sudo mkdir -p /etc/munge; $sudo dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none;
                                  $sudo chown munge:munge /etc/munge/munge.key; $sudo chmod 400 /etc/munge/munge.key; }
  $sudo runuser -u munge -- /usr/sbin/munged 2>/dev/null || $sudo /usr/sbin/munged --force
  started_munge=1
  sleep 1
fi
stop() {
  scancel --me 2>/dev/null || true   # jobs of a failed check do not outlive the cluster
  sleep 1
  for d in slurmd slurmctld; do
    [ -f "$c/$d.pid" ] && $sudo kill "$(cat "$c/$d.pid")" 2>/dev/null || true
  done
  [ "$started_munge" = 1 ] && $sudo pkill -x munged 2>/dev/null || true
}
trap stop EXIT
$sudo env SLURM_CONF="$SLURM_CONF" slurmctld -i
$sudo env SLURM_CONF="$SLURM_CONF" slurmd
for i in $(seq 60); do
  sinfo -h -o %t 2>/dev/null | grep -qx idle && break
  sleep 1
  [ "$i" = 60 ] && { say "the node did not come up; logs:"; tail -n 20 "$c"/log/*.log >&2; exit 1; }
done
say "cluster up: $(sinfo -h -o '%P %D node(s) %c CPUs %t')"

cd "$root"
bin/softglass --version >/dev/null   # builds the CLI once, outside the jobs
run="$work/slurm-run"
local="$work/local-run"
rm -rf "$run" "$local"   # a fresh cluster numbers its jobs from 1 again: no record of an earlier one may stay
submit=(bin/softglass pipeline --preset smoke --threads "$threads" --quench-shards 2 --softness-shards 2 --executor slurm --out "$run")
wait_queue() {   # until none of the run's jobs is queued or running (15 min at most)
  for i in $(seq 900); do
    [ -z "$(squeue -h -o %i)" ] && return 0
    sleep 1
  done
  say "jobs still queued after 15 min:"; squeue >&2; exit 1
}

"${submit[@]}" 2>&1 | tail -n 3
job=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["jobs"]["train-model"]["job"])' "$run/slurm/jobs.json")
scancel "$job"
say "cancelled train-model (job $job): its dependants are cancelled by SLURM"
wait_queue
bin/softglass pipeline --preset smoke --status --out "$run" | tail -n 42
[ -f "$run/report/summary.json" ] && { say "FAIL: the report ran although train-model was cancelled"; exit 1; }
say "resubmitting with the same command"
"${submit[@]}" 2>&1 | tail -n 3
wait_queue
status="$(bin/softglass pipeline --preset smoke --status --out "$run")"
echo "$status" | tail -n 42
if echo "$status" | grep -q "failed"; then say "FAIL: an item failed; logs in $run/slurm/logs"; exit 1; fi
[ -f "$run/report/summary.json" ] || { say "FAIL: no report/summary.json after the resubmission"; exit 1; }

bin/softglass pipeline --preset smoke --threads "$threads" --quench-shards 2 --quiet --out "$local"
# the merged quench and softness (job arrays) against one local quench-sharded run with one softness item per T: byte for byte
for f in md/T0.610-is/is.dump softness/T0.610/softness.npy softness/T0.610/rows.npy softness/T0.610/frames.csv softness/T0.610/descriptors/features.npy; do
  cmp "$run/$f" "$local/$f" || { say "FAIL: $f of the SLURM run differs from the local run's"; exit 1; }
done
/usr/bin/python3 - "$run" "$local" "$root" <<'EOF'
import json, sys
def load(d):
    text = open(f"{d}/report/summary.json").read().replace(d, "<RUN>")
    s = json.loads(text)
    s.pop("stage_seconds")
    return s
try:   # the jobs record against its JSON Schema (python3-jsonschema, which .ci/run installs)
    import jsonschema
    root = sys.argv[3]
    jsonschema.validate(json.load(open(f"{sys.argv[1]}/slurm/jobs.json")), json.load(open(f"{root}/schemas/slurm-jobs.schema.json")))
except ImportError:
    pass
for f in ("softness/T0.610/softness.json", "softness/T0.610/descriptors/features.json"):   # merged sidecars: the local run's, paths aside
    ta, tb = (open(f"{d}/{f}").read().replace(d, "<RUN>") for d in sys.argv[1:3])
    if ta != tb:
        sys.exit(f"one-node-smoke: FAIL: {f} of the SLURM run differs from the local run's")
a, b = load(sys.argv[1]), load(sys.argv[2])
if a != b:
    diff = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
    sys.exit(f"one-node-smoke: FAIL: summary.json of the SLURM run differs from the local run's in {diff}")
print(f"one-node-smoke: PASS: summary.json of the SLURM run equals the local run's ({len(a)} fields, wall times aside)")
EOF
