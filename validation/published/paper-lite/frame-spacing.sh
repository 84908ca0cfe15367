#!/usr/bin/env bash
# Issue 15, τ_χ miss: does the MD overlap depend on the IS frame spacing? From a finished paper-lite run RUN, continues
# the MD of T = 0.90 (the matching temperature) and T = 0.72 from their last frame for 50 τ, dumping and quenching
# every 0.1 τ (L-BFGS+FIRE to 1e-4, as the preset), then measures Q(t), χ4(t) on that IS trajectory and on the same
# trajectory every 10th frame (1 τ, the preset's spacing), and prints τ_Q, τ_χ and the matched TRSP/MD τ_χ ratio at
# T = 0.72 for each spacing (TRSP raw times from RUN/report/summary.json and RUN/trsp).
# Usage: validation/published/paper-lite/frame-spacing.sh RUN OUT   (about 11 min on 2 cores)
set -euo pipefail
run="$1"; out="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
sg="$root/bin/softglass"
mkdir -p "$out"
for T in 0.9 0.72; do
  label=$(printf 'T%.3f' "$T")
  "$sg" simulate --model ka --n 1000 --density 1.2 --temperature "$T" --dt 0.005 --melt-steps 0 --equilibrate 0 --steps 10000 \
    --dump-every 20 --initial "$run/md/$label/traj.dump" --inherent --inherent-min lbfgs+fire --inherent-ftol 1e-4 --threads 2 --seed 7 \
    --quiet --out "$out/$label"
  /usr/bin/python3 - "$out/$label/is.dump" 10 "$out/$label/is-1tau.dump" <<'PY'
import sys   # every k-th frame of a LAMMPS text dump: the same IS trajectory at a coarser spacing
src, k, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(src) as f, open(dst, "w") as o:
    frame, buf = -1, []
    for line in f:
        if line.startswith("ITEM: TIMESTEP"):
            if buf and frame % k == 0: o.writelines(buf)
            frame, buf = frame + 1, []
        buf.append(line)
    if buf and frame % k == 0: o.writelines(buf)
PY
  for f in is is-1tau; do
    "$sg" overlap "$out/$label/$f.dump" --a 0.3 --species A --timestep 0.005 --threads 2 --quiet --out "$out/$label/overlap-$f"
  done
done
/usr/bin/python3 - "$run" "$out" <<'PY'
import csv, json, sys
run, out = sys.argv[1], sys.argv[2]
tq_trsp = json.load(open(f"{run}/report/summary.json"))["time_matching"]["trsp"]["tau_Q_model_raw"]   # TRSP τ_Q(0.9), model time
tchi_trsp = next(float(r["tau_chi"]) for r in csv.DictReader(open(f"{run}/trsp/summary.csv")) if abs(float(r["T"]) - 0.72) < 1e-6)
print("spacing  tau_Q(0.90)  tau_chi(0.90)  tau_Q(0.72)  tau_chi(0.72)  factor  TRSP tau_chi(0.72)  TRSP/MD")
for f, sp in (("is", "0.1 tau"), ("is-1tau", "1 tau")):
    r9, r7 = (json.load(open(f"{out}/{T}/overlap-{f}/manifest.json"))["results"] for T in ("T0.900", "T0.720"))
    factor = tq_trsp / r9["tau_Q"]
    print(f"{sp:8s} {r9['tau_Q']:11.3f} {r9['tau_chi']:14.3f} {r7['tau_Q']:12.3f} {r7['tau_chi']:14.3f} {factor:7.2f} {tchi_trsp / factor:19.3f} "
          f"{tchi_trsp / factor / r7['tau_chi']:8.2f}")
PY
