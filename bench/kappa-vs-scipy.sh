#!/usr/bin/env bash
# κ_ij for 200 random dipoles on an N = 2000 KA inherent structure: softglass (projected CG, SIMD
# products, dipoles solved in parallel) against scipy.sparse.linalg.cg on the same Hessian (exported
# by `softglass hessian` as 3×3 blocks), same dipoles, same relative tolerance. Solve times only (the
# assembly and file I/O are excluded on both sides); κ values are compared.
# Usage: bench/kappa-vs-scipy.sh [--threads T] [--dipoles M] [--tol TOL] [--n N] [--work DIR]
# Needs python3 with numpy and scipy (Debian: apt-get install python3-scipy).
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=2; DIPOLES=200; TOL=1e-10; N=2000; WORK=bench/target/kappa-vs-scipy
while [[ $# -gt 0 ]]; do
  case "$1" in
    --threads) THREADS=$2; shift 2 ;; --dipoles) DIPOLES=$2; shift 2 ;; --tol) TOL=$2; shift 2 ;;
    --n) N=$2; shift 2 ;; --work) WORK=$2; shift 2 ;;
    -h|--help) sed -n 2,7p "$0"; exit 0 ;; *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
python3 -c 'import numpy, scipy' 2>/dev/null || { echo "needs python3-numpy and python3-scipy (apt-get install python3-scipy)" >&2; exit 1; }
mkdir -p "$WORK"
if [[ ! -f "$WORK/is/is.dump" ]]; then
  python3 - "$N" "$WORK/start.dump" <<'PY'
import sys, random, math
n = int(sys.argv[1]); rho = 1.2; L = (n / rho) ** (1 / 3); m = math.ceil(n ** (1 / 3)); a = L / m
random.seed(1); sites = random.sample(range(m ** 3), n); na = round(0.8 * n)
with open(sys.argv[2], "w") as f:
    f.write(f"ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n{n}\nITEM: BOX BOUNDS pp pp pp\n")
    for _ in range(3): f.write(f"0 {L!r}\n")
    f.write("ITEM: ATOMS id type x y z\n")
    for k, s in enumerate(sites):
        ix, iy, iz = s % m, (s // m) % m, s // (m * m)
        p = [(c + 0.5 + 0.3 * (random.random() - 0.5)) * a for c in (ix, iy, iz)]
        f.write(f"{k + 1} {1 if k < na else 2} {p[0]!r} {p[1]!r} {p[2]!r}\n")
PY
  bin/softglass quench "$WORK/start.dump" --out "$WORK/is" --threads "$THREADS" --quiet
fi
bin/softglass hessian "$WORK/is/is.dump" --out "$WORK/h" --threads "$THREADS" --quiet
bin/softglass stiffness "$WORK/is/is.dump" --out "$WORK/sg" --dipoles "$DIPOLES" --seed 1 --tol "$TOL" --threads "$THREADS" --quiet
python3 - "$WORK" "$TOL" "$THREADS" <<'PY'
import sys, json, time, os
work, tol, threads = sys.argv[1], float(sys.argv[2]), sys.argv[3]
import numpy as np, scipy, scipy.sparse as sp, scipy.sparse.linalg as sla
blocks = np.load(f"{work}/h/hessian_blocks.npy")
n = int(blocks[:, :2].max()) + 1
i = blocks[:, 0].astype(np.int64); j = blocks[:, 1].astype(np.int64); K = blocks[:, 2:]
full = np.stack([K[:, 0], K[:, 1], K[:, 2], K[:, 1], K[:, 3], K[:, 4], K[:, 2], K[:, 4], K[:, 5]], axis=1).reshape(-1, 3, 3)
rows, cols, vals = [], [], []
for r in range(3):
    for c in range(3):
        rows += [3 * i + r, 3 * i + r]; cols += [3 * j + c, 3 * i + c]; vals += [-full[:, r, c], full[:, r, c]]
M = sp.coo_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(3 * n, 3 * n)).tocsr()
M.sum_duplicates()
# positions (dump sorted by id, slot = id - 1) and box
lines = open(f"{work}/is/is.dump").read().split("\n")
L = float(lines[5].split()[1]) - float(lines[5].split()[0]); hdr = lines[8].split()[2:]
X = np.array([[float(v) for v in l.split()] for l in lines[9:9 + n]]); X = X[np.argsort(X[:, hdr.index("id")])]
pos = X[:, [hdr.index("x"), hdr.index("y"), hdr.index("z")]]
dip = np.loadtxt(f"{work}/sg/dipoles.csv", delimiter=",", skiprows=1)
ks = []
t0 = time.perf_counter()
for row in dip:
    a, b = int(row[1]) - 1, int(row[2]) - 1
    d = pos[a] - pos[b]; d -= L * np.rint(d / L); d /= np.linalg.norm(d) * np.sqrt(2)
    rhs = np.zeros(3 * n); rhs[3 * a:3 * a + 3] = d; rhs[3 * b:3 * b + 3] = -d
    z, info = sla.cg(M, rhs, rtol=tol, atol=0.0, maxiter=30 * n)
    if info != 0: raise SystemExit(f"scipy cg did not converge for dipole {a},{b}: info {info}")
    z = (z.reshape(-1, 3) - z.reshape(-1, 3).mean(axis=0)).ravel()
    ks.append(rhs @ z / (z @ z))
t_scipy = time.perf_counter() - t0
sg = json.load(open(f"{work}/sg/stiffness.json"))
rel = np.max(np.abs(np.array(ks) - dip[:, 3]) / dip[:, 3])
print(json.dumps({"N": n, "dipoles": len(ks), "tol": tol, "softglass_threads": int(threads),
                  "softglass_solve_seconds": sg["solve_seconds"], "scipy_solve_seconds": t_scipy,
                  "speedup": t_scipy / sg["solve_seconds"], "max_relative_kappa_difference": float(rel),
                  "scipy": scipy.__version__, "numpy": np.__version__,
                  "omp_threads": os.environ.get("OMP_NUM_THREADS", "unset")}, indent=2))
PY
