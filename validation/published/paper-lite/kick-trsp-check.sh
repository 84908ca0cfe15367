#!/usr/bin/env bash
# Puts the kicks fitted in FITDIR (a `softglass correlations --events` output) into the TRSP parameter file of the
# paper-lite run RUN (RUN/trsp/model-parameters-trsp.json: fitted barriers, the models' C_S(r)) and asks
# `softglass trsp check` at RUN's highest T, lattice side, cluster size and kick tolerance whether the TRSP's detailed
# balance has a solution (paper 002 eq 19: lambda_max(K_Delta K'^-1) < 1). Prints one indented line.
# Usage: kick-trsp-check.sh FITDIR RUN   (used by kick-scan.sh and kick-size.sh)
set -euo pipefail
dir="$1"; run="$2"
sg="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)/bin/softglass"
read -r side m tol thigh < <(/usr/bin/python3 - "$run/trsp/manifest.json" "$run/trsp/model-parameters-trsp.json" \
    "$dir/correlations.json" "$dir/trsp-params.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))["parameters"]
d = json.load(open(sys.argv[2]))
k = json.load(open(sys.argv[3]))["kicks"]
for name in ("sigmaDelta", "rhoDelta"):
    d[name] = {x: k[name][x] for x in ("c0", "c1", "xi")}
d["errors"] = {a: b for a, b in d["errors"].items() if not a.startswith(("sigmaDelta", "rhoDelta"))}
d["provenance"]["kicks"] = "measured: " + sys.argv[3]
json.dump(d, open(sys.argv[4], "w"), indent=1)
print(t["L"], t["m"], t["tol"], max(t["T"]))
PY
)
if "$sg" trsp check --params "$dir/trsp-params.json" --L "$side" --m "$m" --tol "$tol" -T "$thigh" > "$dir/trsp-check.csv" 2> "$dir/trsp-check.err"; then
  echo "  TRSP at T = $thigh with these kicks: detailed balance solvable ($dir/trsp-check.csv)"
else
  echo "  TRSP at T = $thigh with these kicks: $(tail -1 "$dir/trsp-check.err")"
fi
