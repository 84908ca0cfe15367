#!/usr/bin/env bash
# New jar, 2-thread simulate, gather forced inline vs forced out of line (CompileCommand), interleaved
set -u
reps=$1 out=$2
J="$(/work/wt-pair-speed/bin/find-jdk)/bin/java"
mkdir -p "$out"
echo "variant,rep,start_utc,load1_before,load1_after,wall_s,user_s,sys_s,production_atom_steps_per_s,production_s"
for r in $(seq 1 "$reps"); do
  for v in inline dontinline; do
    d="$out/$v-r$r"; rm -rf "$d"
    l0=$(cut -d' ' -f1 /proc/loadavg); t=$(date -u +%H:%M:%S)
    /usr/bin/time -f "%e %U %S" -o "$out/$v-r$r.time" "$J" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC \
      -XX:CompileCommand=quiet -XX:CompileCommand=$v,org.softglass.core.simd.PanamaPairKernel::gather -XX:CompileCommand=$v,org.softglass.core.energy.ForceCompute::gatherRow \
      -jar /tmp/pair-speed/new-cli.jar simulate --model ka --n 10000 --density 1.2 --temperature 0.6 --dt 0.005 --tdamp 0.5 --skin 0.3 \
      --melt-temperature 2.0 --melt-steps 1000 --equilibrate 1000 --steps 2000 --dump-every 0 --thermo-every 2000 --seed 1 --threads 2 \
      --out "$d" --quiet > "$out/$v-r$r.stdout" 2> "$out/$v-r$r.stderr"
    l1=$(cut -d' ' -f1 /proc/loadavg)
    m="$d/manifest.json"
    val() { sed -n "s/^ *\"$1\" : \([-0-9.eE]*\).*/\1/p" "$m" | head -1; }
    read w u s < "$out/$v-r$r.time"
    echo "$v,$r,$t,$l0,$l1,$w,$u,$s,$(val production_atom_steps_per_second),$(val production_seconds)"
  done
done
