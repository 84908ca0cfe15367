#!/usr/bin/env bash
# Which force tolerance does the p_hop analysis need? (issue 16 item 1)
#
# Quenches one thermal trajectory with MIN at ftol 1e-10 (the reference) and at each looser FTOL, computes
# p_hop on every inherent-structure trajectory (softglass phop, --tr TR), and prints, per tolerance, the
# force evaluations and wall time of the quench and the fraction of particle-frames whose label agrees with
# the reference: rearranging (p_hop > P_R), stable (p_hop < P_STABLE) or neither -- the pipeline's thresholds
# (PipelinePreset: p_R = 0.2, p_stable = 0.02). Also compares the reference with a cg+fire quench at 1e-10, i.e.
# how much the labels depend on which minimiser found the minima.
#
# Usage: bench/phop-tolerance.sh TRAJ [MIN] [FTOLS] [TR] [THREADS] [WORKDIR]
#   TRAJ     LAMMPS dump of thermal frames (e.g. a pipeline run's md/T0.610/traj.dump)
#   MIN      minimiser (default lbfgs+fire);  FTOLS  comma list (default 1e-8,1e-6,1e-4,1e-3)
#   TR       p_hop window in tau (default 10); THREADS (default 2); WORKDIR (default a temp dir, removed)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
traj="${1:?usage: bench/phop-tolerance.sh TRAJ [MIN] [FTOLS] [TR] [THREADS] [WORKDIR]}"
min="${2:-lbfgs+fire}"
ftols="${3:-1e-8,1e-6,1e-4,1e-3}"
tr="${4:-10}"
threads="${5:-2}"
work="${6:-}"
if [ -z "$work" ]; then work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
mkdir -p "$work"
# build the CLI if needed, then run a private copy (a rebuild meanwhile cannot change it; no build inside a timing)
"$root/bin/softglass" --version >/dev/null
cp "$root/cli/target/softglass.jar" "$work/softglass.jar"
java="$("$root/bin/find-jdk")/bin/java"
sg() {   # runs the private jar; on failure shows its error and stops the script
  if ! OPENBLAS_NUM_THREADS=1 "$java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar "$work/softglass.jar" "$@" \
      2>"$work/stderr.txt"; then
    grep -v '^WARNING: Using incubator' "$work/stderr.txt" >&2
    exit 1
  fi
}
/usr/bin/python3 -c 'import numpy' 2>/dev/null || { echo "phop-tolerance: needs numpy (Debian: apt-get install python3-numpy)" >&2; exit 3; }

run() {   # name min ftol (skipped when WORKDIR already holds its results)
  local d="$work/$1"
  local t0 t1
  [ -f "$d/phop/phop.npy" ] && [ -f "$d/seconds" ] && return 0
  t0=$(date +%s.%N)
  sg quench "$traj" --min "$2" --ftol "$3" --threads "$threads" --quiet --out "$d/is" >/dev/null
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc > "$d/seconds"
  sg phop "$d/is/is.dump" --tr "$tr" --threads "$threads" --quiet --out "$d/phop" >/dev/null
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "trajectory: $traj; minimiser $min; p_hop t_R = $tr; $threads threads"
run ref "$min" 1e-10
run cg "cg+fire" 1e-10
IFS=',' read -r -a list <<< "$ftols"
for f in "${list[@]}"; do run "ftol$f" "$min" "$f"; done

/usr/bin/python3 - "$work" "$min" "$ftols" <<'EOF'
import json, sys, os
import numpy as np
work, alg, ftols = sys.argv[1], sys.argv[2], sys.argv[3].split(',')
P_R, P_STABLE = 0.2, 0.02
def load(name):
    d = os.path.join(work, name)
    p = np.load(os.path.join(d, 'phop', 'phop.npy'))
    m = json.load(open(os.path.join(d, 'is', 'manifest.json')))
    evals = m['results']['force_evaluations'] / m['results']['frames']
    secs = float(open(os.path.join(d, 'seconds')).read())
    return p, evals, secs, m['results']['frames']
def labels(p):
    return np.where(p > P_R, 2, np.where(p < P_STABLE, 0, 1))
ref, ev0, s0, frames = load('ref')
ok = ~np.isnan(ref)
L0 = labels(ref)[ok]
print(f"{ok.sum()} particle-frames with a full window ({frames} frames); reference: {alg} ftol 1e-10, "
      f"{ev0:.0f} force evaluations and {s0 / frames:.3f} s per frame")
print("| quench | force evals / frame | s / frame | label agreement | rearranging (p_hop > 0.2) agreement | stable (p_hop < 0.02) agreement | max abs dp_hop |")
print("|---|---|---|---|---|---|---|")
for name, label in [('cg', 'cg+fire 1e-10')] + [('ftol' + f, f'{alg} {f}') for f in ftols]:
    p, ev, s, _ = load(name)
    L = labels(p)[ok]
    agree = np.mean(L == L0)
    r = np.mean((L == 2) == (L0 == 2))
    st = np.mean((L == 0) == (L0 == 0))
    print(f"| {label} | {ev:.0f} | {s / frames:.3f} | {agree * 100:.3f} % ({np.sum(L != L0)} differ) | {r * 100:.3f} % | {st * 100:.3f} % | {np.nanmax(np.abs(p - ref)):.2e} |")
EOF
