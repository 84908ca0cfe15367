#!/usr/bin/env bash
# Series 2 (commit 9df7b0e + SwHessianTiming serial/shear modes): alternated runs; raw lines to /tmp/swh/raw/series2.txt
cd /tmp/swh
J=/work/wt-sw-hessian/bin/java25
OLD="/tmp/swh-old/core-classes:/tmp/swh/bench-new2.jar"
NEW=/tmp/swh/bench-new2.jar
out=/tmp/swh/raw/series2.txt
run() { # label cp prop mode warm rounds calls
  local label=$1 cp=$2 prop=$3; shift 3
  echo "# $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg) $label: $J $prop -cp $cp org.softglass.bench.SwHessianTiming sw8000.dump sw8000_is.npy $*" >> $out
  $J $prop -cp $cp org.softglass.bench.SwHessianTiming sw8000.dump sw8000_is.npy "$@" 2>&1 | grep -v WARNING >> $out
}
V="-Dsoftglass.simd.hessianTriplets=vector"
S="-Dsoftglass.simd.hessianTriplets=scalar"
for rep in 1 2 3; do
  echo "## rep $rep" >> $out
  run old "$OLD" "" serial 50 5 200
  run new-default "$NEW" "" serial 50 5 200
  run new-vector "$NEW" "$V" serial 50 5 200
  run old "$OLD" "" shear 1 3 1
  run new-default "$NEW" "" shear 1 3 1
  run new-vector "$NEW" "$V" shear 1 3 1
  run old "$OLD" "" many 10 5 40
  run new-scalar "$NEW" "$S" many 10 5 40
  run new-default "$NEW" "" many 10 5 40
  run old "$OLD" "" assemble 1 3 1
  run new-default "$NEW" "" assemble 1 3 1
done
echo "## done $(date -u +%H:%M:%S)" >> $out
