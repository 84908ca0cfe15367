#!/usr/bin/env bash
# H = 1 - sqrt(1 - K_Delta K'^-1) for the TRSP model (issue 7): softglass (Cholesky + symmetric
# eigen-decomposition through native-bridge OpenBLAS, DESIGN §7) against scipy.linalg.sqrtm of the same
# matrix (Schur method), on one thread each (OPENBLAS_NUM_THREADS=1 for numpy/scipy too).
# Needs /usr/bin/python3 with python3-scipy (apt-get install -y python3-scipy).
#
# Usage: bench/trsp-h-vs-scipy.sh [L ...]   (default: 8 12; L = 20 is 8000 x 8000, minutes per side)
# Prints a table: L,n,softglass_wall_s,softglass_cpu_s,softglass_residual,lambda_max,scipy_wall_s,scipy_cpu_s,
# scipy_residual,scipy_version (CPU seconds are what to compare on a shared machine)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(8 12)
jar="$root/bench/target/benchmarks.jar"
(cd "$root" && bin/mvn25 -q -o -DskipTests package -pl bench -am >/dev/null)
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
echo "L,n,softglass_wall_s,softglass_cpu_s,softglass_residual,lambda_max,scipy_wall_s,scipy_cpu_s,scipy_residual,scipy_version"
for l in "${sizes[@]}"; do
  sg=$(OPENBLAS_NUM_THREADS=1 "$root/bin/java25" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
        -cp "$jar" org.softglass.bench.TrspHExport "$l" "$tmp" 2>/dev/null)
  sp=$(OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 "$here/trsp_sqrtm.py" "$tmp")
  echo "$sg,$(cut -d, -f2- <<<"$sp")"
done
