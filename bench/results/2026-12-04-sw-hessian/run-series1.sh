#!/usr/bin/env bash
# Alternated old/new runs of SwHessianTiming; raw lines to /tmp/swh/raw/timing.txt
cd /tmp/swh
J=/work/wt-sw-hessian/bin/java25
OLD="/tmp/swh-old/core-classes:/tmp/swh/bench-new.jar"
NEW=/tmp/swh/bench-new.jar
out=/tmp/swh/raw/timing.txt
run() { # label cp prop mode warm rounds calls
  local label=$1 cp=$2 prop=$3; shift 3
  echo "# $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg) $label: $J $prop -cp $cp org.softglass.bench.SwHessianTiming sw8000.dump sw8000_is.npy $*" >> $out
  $J $prop -cp $cp org.softglass.bench.SwHessianTiming sw8000.dump sw8000_is.npy "$@" 2>&1 | grep -v WARNING >> $out
}
for rep in 1 2 3; do
  echo "## rep $rep" >> $out
  run old "$OLD" "" assemble 1 3 1
  run new "$NEW" "" assemble 1 3 1
  run old "$OLD" "" scalar 50 5 200
  run new "$NEW" "" scalar 50 5 200
  run old "$OLD" "" simd 50 5 200
  run new "$NEW" "" simd 50 5 200
  run old "$OLD" "" many 10 5 40
  run new "$NEW" "" many 10 5 40
  run new-vector "$NEW" "-Dsoftglass.simd.hessianTriplets=vector" many 10 5 40
  run old "$OLD" "" kappa 1 3 1
  run new "$NEW" "" kappa 1 3 1
  run new-vector "$NEW" "-Dsoftglass.simd.hessianTriplets=vector" kappa 1 3 1
done
echo "## done $(date -u +%H:%M:%S)" >> $out
