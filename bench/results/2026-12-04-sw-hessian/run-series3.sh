#!/usr/bin/env bash
# Series 3 (commit 725edc1): the single-vector product and the G solve, default (scalar triplet kernel) vs vector, alternated 4 times
cd /tmp/swh
J=/work/wt-sw-hessian/bin/java25
NEW=/tmp/swh/bench-new2.jar
OLD="/tmp/swh-old/core-classes:/tmp/swh/bench-new2.jar"
out=/tmp/swh/raw/series3.txt
run() {
  local label=$1 cp=$2 prop=$3; shift 3
  echo "# $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg) $label: $J $prop -cp $cp org.softglass.bench.SwHessianTiming sw8000.dump sw8000_is.npy $*" >> $out
  $J $prop -cp $cp org.softglass.bench.SwHessianTiming sw8000.dump sw8000_is.npy "$@" 2>&1 | grep -v WARNING >> $out
}
V="-Dsoftglass.simd.hessianTriplets=vector"
for rep in 1 2 3 4; do
  echo "## rep $rep" >> $out
  run new-default "$NEW" "" serial 200 7 300
  run new-vector "$NEW" "$V" serial 200 7 300
  run old "$OLD" "" serial 200 7 300
  run new-default "$NEW" "" shear 2 3 1
  run new-vector "$NEW" "$V" shear 2 3 1
done
echo "## done $(date -u +%H:%M:%S)" >> $out
