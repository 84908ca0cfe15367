#!/usr/bin/env bash
# Side-by-side: softglass "ka-266" descriptors (Vector-API kernel, 1 thread) against the straightforward
# single-threaded C implementation bench/c/descriptors.c (gcc -O3 -march=native), on the same KA frame
# (default bench/data/ka_N10000_T1.0.dump.gz, N = 10 000, rho = 1.2), for the first --centres particles.
# Both report process/thread CPU time per centre (robust on a shared machine) and wall time; softglass runs
# --reps repetitions in one JVM and reports the best (the first includes JIT compilation). Then the two
# outputs are compared element by element: max |a - b| and max relative difference over elements with
# |c| > 1e-8 (smaller values are dominated by the truncation tolerance tau = 1e-12 both codes use).
#
# Usage: bench/compare-descriptors-c.sh [--centres 1000] [--reps 3] [--frame FILE.dump(.gz)] [--fast-math]
#   --fast-math  also build and time the C code with -ffast-math
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
centres=1000 reps=3 frame="$root/bench/data/ka_N10000_T1.0.dump.gz" fast=0
while [ $# -gt 0 ]; do
  case "$1" in
    --centres) centres="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --frame) frame="$2"; shift 2 ;;
    --fast-math) fast=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
case "$frame" in
  *.gz) gunzip -c "$frame" > "$tmp/frame.dump" ;;
  *) cp "$frame" "$tmp/frame.dump" ;;
esac
gcc -O3 -march=native -o "$tmp/descriptors" "$here/c/descriptors.c" -lm
jar="$root/bench/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/core/src" "$root/bench/src" -newer "$jar" -name '*.java' | head -1)" ]; then
  (cd "$root" && bin/mvn25 -B -q -o -pl bench -am package -DskipTests)
fi
echo "# machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "# C (gcc -O3 -march=native), $centres centres"
"$tmp/descriptors" "$tmp/frame.dump" "$tmp/c.npy" "$centres" | tee "$tmp/c.txt"
if [ "$fast" = 1 ]; then
  gcc -O3 -march=native -ffast-math -o "$tmp/descriptors-fm" "$here/c/descriptors.c" -lm
  echo "# C (gcc -O3 -march=native -ffast-math)"
  "$tmp/descriptors-fm" "$tmp/frame.dump" "$tmp/cfm.npy" "$centres" | sed 's/^c /c-fast-math /'
fi
echo "# softglass (panama kernel, 1 thread, best of $reps)"
"$root/bin/java25" -cp "$jar" org.softglass.bench.DescriptorTiming "$tmp/frame.dump" "$centres" "$reps" panama ka-266 "$tmp/sg.npy" 2>/dev/null | tee "$tmp/sg.txt"
/usr/bin/python3 - "$tmp" <<'PY'
import sys, numpy as np
d = sys.argv[1]
c = np.load(d + "/c.npy"); s = np.load(d + "/sg.npy")
assert c.shape == s.shape, (c.shape, s.shape)
big = np.abs(c) > 1e-8
rel = np.max(np.abs(s - c)[big] / np.abs(c)[big])
def val(f, key):
    for line in open(f):
        if line.split()[1:2] == [key]: return float(line.split()[2])
tc, ts = val(d + "/c.txt", "cpu_us_per_centre"), val(d + "/sg.txt", "cpu_us_per_centre")
big3 = np.abs(c) > 1e-3
rel3 = np.max(np.abs(s - c)[big3] / np.abs(c)[big3])
print(f"shape {c.shape}; max |softglass - C| = {np.max(np.abs(s - c)):.3e} (truncation bound n(n-1)/2 tau ~ 2e-7); "
      f"max relative difference: {rel:.3e} over |C| > 1e-8, {rel3:.3e} over |C| > 1e-3")
print(f"CPU time per centre: C {tc:.1f} us, softglass {ts:.1f} us -> softglass is {tc / ts:.2f}x faster per core")
PY
