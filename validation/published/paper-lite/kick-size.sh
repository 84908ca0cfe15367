#!/usr/bin/env bash
# Issue 15, kick fallback, a scan in size: are the T = 0.50 kicks of paper-lite (N = 1000, L/2 = 4.7 sigma) limited by
# the box? From a finished paper-lite run RUN, replicates the last T = 0.50 frame 2 x 2 x 2 (N = 8000, L/2 = 9.4
# sigma), runs 500 tau of NVT at T = 0.50 (1.6 tau_alpha: the periodic copies decorrelate only partly) and 750 tau
# of production with every 1 tau frame quenched as the preset does, then p_hop, events, softness with RUN's model, and the
# kick fit (paper 002 App. E; C_S(r) on every 10th frame only) with the pipeline's S bins at the paper's background
# radius R = 6 sigma and at RUN's 3.9 sigma; for an accepted fit, kick-trsp-check.sh (the TRSP's detailed balance).
# Usage: validation/published/paper-lite/kick-size.sh RUN OUT   (about 40 min on 2 cores; resumable: finished steps
# are skipped)
set -euo pipefail
run="$1"; out="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
sg="$root/bin/softglass"
mkdir -p "$out"
if [ ! -f "$out/init-8000.dump" ]; then
  /usr/bin/python3 - "$run/md/T0.500/traj.dump" "$out/init-8000.dump" <<'PY'
import sys   # the last frame of a LAMMPS text dump (id type xu yu zu), replicated 2 x 2 x 2 in a cubic box
src, dst = sys.argv[1], sys.argv[2]
frame = []
with open(src) as f:
    while True:
        head = [f.readline() for _ in range(9)]
        if not head[0]:
            break
        n = int(head[3])
        frame = (head, [f.readline() for _ in range(n)])
head, rows = frame
lo, hi = map(float, head[5].split())
L = hi - lo
atoms = []
for line in rows:
    i, t, x, y, z = line.split()[:5]
    atoms.append((int(i), t, *[(float(v) - lo) % L for v in (x, y, z)]))
atoms.sort()
with open(dst + ".tmp", "w") as g:
    g.write(f"ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n{8 * len(atoms)}\nITEM: BOX BOUNDS pp pp pp\n")
    g.write(f"0.0 {2 * L!r}\n" * 3 + "ITEM: ATOMS id type xu yu zu\n")
    k = 0
    for a in range(2):
        for b in range(2):
            for c in range(2):
                for _, t, x, y, z in atoms:
                    k += 1
                    g.write(f"{k} {t} {x + a * L!r} {y + b * L!r} {z + c * L!r}\n")
import os
os.replace(dst + ".tmp", dst)
PY
fi
"$sg" simulate --model ka --n 8000 --density 1.2 -T 0.5 --dt 0.005 --melt-steps 0 --equilibrate 100000 --steps 150000 \
  --dump-every 200 --initial "$out/init-8000.dump" --inherent --inherent-min lbfgs+fire --inherent-ftol 1e-4 --threads 2 \
  --seed 11 --quiet --out "$out/md"
[ -f "$out/phop/phop.npy" ] || "$sg" phop "$out/md/is.dump" --tr 10 --dt 0.005 --threads 2 --quiet --out "$out/phop"
[ -f "$out/events.csv" ] || "$sg" events "$out/phop" --pl 0.05 --threads 2 --quiet --out "$out/events.csv"
[ -f "$out/softness/softness.npy" ] || "$sg" softness "$run/train/model/model.json" "$out/md/is.dump" --preset fluidity-100 \
  --species A --threads 2 --quiet --out "$out/softness"
sbins=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["parameters"]["s_bins"])' \
  "$run/correlations/correlations.manifest.json")
for rb in 6 3.9; do
  dir="$out/kicks-rb$rb"
  if "$sg" correlations "$out/md/is.dump" "$out/softness" --events "$out/events.csv" --rmax 9 --dr 0.1 --every 10 --fit-range 0.9:4.0 \
      --p-c 0.2 --window 5 --r-bins 0.5:8.5:16 --s-bins="$sbins" --rearrangers A --min-count 20 --r-background "$rb" \
      --threads 2 --quiet --out "$dir" 2> "$dir.err"; then
    /usr/bin/python3 - "$dir/correlations.json" "$rb" <<'PY'
import json, sys
k = json.load(open(sys.argv[1]))["kicks"]
s, r = k["sigmaDelta"], k["rhoDelta"]
print(f"N = 8000, R = {sys.argv[2]} sigma: {k['events_frames']} event frames, background samples {k['background_samples']}; "
      f"sigma_Delta c0 = {s['c0']:.3f}, c1 = {s['c1']:.3f}, xi = {s['xi']:.3f}; "
      f"rho_Delta c1 = {r['c1']:.3f} +- {r['c1_err']:.3f}, xi = {r['xi']:.3f} +- {r['xi_err']:.3f}: accepted")
PY
    "$here/kick-trsp-check.sh" "$dir" "$run"
  else
    echo "N = 8000, R = $rb sigma: $(tail -1 "$dir.err")"
  fi
done
