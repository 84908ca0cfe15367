#!/usr/bin/env bash
# Interleaved quench CPU, old (main ef0c14e) vs new (per-pair radii, 242217b), one thread, 7 frames of /tmp/pair-speed/low.dump.
# quench-interleaved.txt: REPS="1 2 3" (the default); quench-interleaved-2.txt: REPS="4 5 6".
set -u
J=/work/wt-pair-speed/bin/java25
for rep in ${REPS:-1 2 3}; do
  for v in old new; do
    echo "== run $rep $v $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
    $J -cp /tmp/pair-speed/$v-bench.jar org.softglass.bench.MinimizerTiming /tmp/pair-speed/low.dump 7 1 1e-4 1 lbfgs+fire 2>&1 | grep -v "incubator"
    echo "   end $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
