#!/usr/bin/env bash
# Side by side: `softglass train` (liblinear 2.44, Java) vs scikit-learn LinearSVC (liblinear C) on the
# same planted training set in the file-contract format; prints wall times and the largest weight difference.
# Needs Debian's python3-sklearn (/usr/bin/python3). Usage: bench/compare-sklearn.sh [N] [M]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}; M=${2:-166}
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
/usr/bin/python3 - "$D" "$N" "$M" <<'PY'
import json, sys, numpy as np
d, n, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(1)
u = rng.normal(size=m) / np.sqrt(m)
y = np.arange(n) % 2
x = rng.normal(size=(n, m)) * rng.uniform(0.5, 2, size=m) + np.where(y[:, None] == 1, 0.8, -0.8) * u + 3
np.save(f"{d}/samples_features.npy", x)
with open(f"{d}/samples.csv", "w") as f:
    f.write("frame,timestep,id,type,label,phop\n")
    for i in range(n): f.write(f"0,0,{i+1},1,{y[i]},0\n")
json.dump({"schema": "softglass.features/1", "columns": [{"name": f"f{j}", "kind": "radial"} for j in range(m)],
           "mean": [0]*m, "std": [1]*m, "rows": n, "dtype": "f8", "center_species": "A", "input": "planted"}, open(f"{d}/features.json", "w"))
PY
bin/softglass --version >/dev/null   # build first, outside the timing
for solver in primal dual; do
  t0=$(date +%s.%N)
  bin/softglass train "$D" --out "$D/model_$solver.json" --folds 0 --solver $solver --eps 1e-4 --quiet
  t1=$(date +%s.%N)
  echo "softglass train ($solver, incl. JVM start and reading): $(echo "$t1 - $t0" | bc) s"
done
/usr/bin/python3 - "$D" <<'PY'
import json, sys, time, numpy as np
from sklearn.svm import LinearSVC
d = sys.argv[1]
x = np.load(f"{d}/samples_features.npy"); y = np.loadtxt(f"{d}/samples.csv", delimiter=",", skiprows=1, usecols=4)
z = (x - x.mean(0)) / x.std(0)          # population std, as softglass
for dual in (False, True):
    t = time.perf_counter()
    c = LinearSVC(C=1.0, loss="squared_hinge", dual=dual, tol=1e-4, max_iter=100000).fit(z, y)
    dt = time.perf_counter() - t
    w = np.array(json.load(open(f"{d}/model_{'dual' if dual else 'primal'}.json"))["weights"])
    print(f"sklearn LinearSVC dual={dual}: fit {dt:.3f} s; max |w_softglass - w_sklearn| = {np.abs(w - c.coef_[0]).max():.2e} (|w|max {np.abs(w).max():.3f})")
PY
