#!/usr/bin/env bash
# 2-thread MD in fresh JVMs, two variants alternated: the compare-lammps.sh softglass protocol
# (KA N=10000, rho 1.2, melt 1000 @ T=2, equil 1000, 2000 production steps at T=0.6, seed 1).
# usage: [XOPTS="extra JVM options"] [AB=1] md-runs.sh REPS OUTDIR
#   default: variants old / new = /tmp/pair-speed/{old,new}-cli.jar (main ef0c14e / b7326b4)
#     md-interleaved.csv: md-runs.sh 6 /tmp/pair-speed/md
#     md-interleaved-jit.csv: XOPTS="-XX:+PrintCompilation" md-runs.sh 4 /tmp/pair-speed/mdjit
#     md-interleaved-inlining.csv: XOPTS="-XX:+UnlockDiagnosticVMOptions -XX:+PrintCompilation -XX:CompileCommand=quiet
#       -XX:CompileCommand=PrintInlining,org.softglass.core.energy.ForceCompute::*" md-runs.sh 3 /tmp/pair-speed/mdinl
#   AB=1: variants inline / dontinline = the new jar with -XX:CompileCommand=<variant> on PanamaPairKernel::gather and
#     ForceCompute::gatherRow (md-gather-inline-ab.csv: AB=1 md-runs.sh 4 /tmp/pair-speed/mdab)
set -u
reps=$1 out=$2
J="$(/work/wt-pair-speed/bin/find-jdk)/bin/java"
mkdir -p "$out"
if [ "${AB:-0}" = 1 ]; then variants="inline dontinline"; else variants="old new"; fi
echo "version,rep,start_utc,load1_before,load1_after,wall_s,user_s,sys_s,production_atom_steps_per_s,production_s"
for r in $(seq 1 "$reps"); do
  for v in $variants; do
    d="$out/$v-r$r"; rm -rf "$d"
    jar=/tmp/pair-speed/$v-cli.jar opts=()
    if [ "${AB:-0}" = 1 ]; then
      jar=/tmp/pair-speed/new-cli.jar
      opts=(-XX:CompileCommand=quiet -XX:CompileCommand=$v,org.softglass.core.simd.PanamaPairKernel::gather -XX:CompileCommand=$v,org.softglass.core.energy.ForceCompute::gatherRow)
    fi
    l0=$(cut -d' ' -f1 /proc/loadavg); t=$(date -u +%H:%M:%S)
    /usr/bin/time -f "%e %U %S" -o "$out/$v-r$r.time" "$J" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC ${XOPTS:-} "${opts[@]}" \
      -jar "$jar" simulate --model ka --n 10000 --density 1.2 --temperature 0.6 --dt 0.005 --tdamp 0.5 --skin 0.3 \
      --melt-temperature 2.0 --melt-steps 1000 --equilibrate 1000 --steps 2000 --dump-every 0 --thermo-every 2000 --seed 1 --threads 2 \
      --out "$d" --quiet > "$out/$v-r$r.stdout" 2> "$out/$v-r$r.stderr"
    l1=$(cut -d' ' -f1 /proc/loadavg)
    m="$d/manifest.json"
    val() { sed -n "s/^ *\"$1\" : \([-0-9.eE]*\).*/\1/p" "$m" | head -1; }
    read w u s < "$out/$v-r$r.time"
    echo "$v,$r,$t,$l0,$l1,$w,$u,$s,$(val production_atom_steps_per_second),$(val production_seconds)"
  done
done
