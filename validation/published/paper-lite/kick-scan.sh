#!/usr/bin/env bash
# Issue 15, kick fallback: is the refusal of the T = 0.50 ΔS kick fit decided by the run's statistics? From a
# finished paper-lite run RUN, refits the kicks (paper 002 App. E, `softglass correlations --events`) with the
# pipeline's settings (read from RUN/correlations/correlations.manifest.json) but the window W and the background
# radius R varied, and prints one line per (W, R): the fitted rho_Delta (c1 +- error, xi) or the refusal. For an
# accepted fit it then puts those kicks into the run's TRSP parameter file (RUN/trsp/model-parameters-trsp.json:
# the fitted barriers and the models' C_S(r)) and asks `softglass trsp check` at the highest T, with the run's lattice
# side, cluster size and kick tolerance, whether the TRSP's detailed balance has a solution (lambda_max < 1).
# Usage: validation/published/paper-lite/kick-scan.sh RUN OUT   (about 6 min on 2 cores)
set -euo pipefail
run="$1"; out="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
sg="$root/bin/softglass"
mkdir -p "$out"
read -r rmax dr fit pc rbins sbins mincount < <(/usr/bin/python3 - "$run/correlations/correlations.manifest.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))["parameters"]
print(p["rmax"], p["dr"], p["fit_range"], p["p_c"], p["r_bins"], p["s_bins"], p["min_count"])
PY
)
for wr in "5 3.9" "5 3.0" "5 3.5" "5 4.3" "2 3.9" "10 3.9"; do
  set -- $wr
  dir="$out/w$1-rb$2"
  if "$sg" correlations "$run/md/T0.500/is.dump" "$run/softness/T0.500" --events "$run/phop/T0.500/events.csv" \
      --rmax "$rmax" --dr "$dr" --fit-range "$fit" --p-c "$pc" --r-bins "$rbins" --s-bins="$sbins" --rearrangers A \
      --min-count "$mincount" --window "$1" --r-background "$2" --threads 2 --quiet --out "$dir" 2> "$dir.err"; then
    /usr/bin/python3 - "$dir/correlations.json" "$1" "$2" <<'PY'
import json, sys
k = json.load(open(sys.argv[1]))["kicks"]
r = k["rhoDelta"]
print(f"W = {sys.argv[2]} tau, R = {sys.argv[3]} sigma: background samples {k['background_samples']}, "
      f"rho_Delta c1 = {r['c1']:.3f} +- {r['c1_err']:.3f}, xi = {r['xi']:.3f} +- {r['xi_err']:.3f}: accepted")
PY
    "$here/kick-trsp-check.sh" "$dir" "$run"
  else
    echo "W = $1 tau, R = $2 sigma: $(tail -1 "$dir.err")"
  fi
done
