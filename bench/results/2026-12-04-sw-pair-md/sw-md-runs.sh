#!/usr/bin/env bash
# SW MD, 1 thread, pair loop scalar (default) vs vector (-Dsoftglass.simd.swPair=vector), alternated; REPS pairs
reps=$1; J="$(/work/main/bin/find-jdk)/bin/java"; jar=/tmp/swmd/main.jar
for r in $(seq 1 $reps); do
  for v in scalar vector; do
    opt=(); [ $v = vector ] && opt=(-Dsoftglass.simd.swPair=vector)
    d=/tmp/swmd/$v-r$r; rm -rf $d
    l0=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %U %S" -o $d.time $J --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC "${opt[@]}" -jar $jar \
      simulate --model=sw --n=8000 -T=0.08 --melt-temperature=0.3 --melt-steps=300 --equilibrate=0 --steps=1500 --dump-every=0 --thermo-every=100 \
      --out=$d --threads=1 --quiet > /dev/null 2>$d.err
    ps=$(sed -n 's/^ *"production_seconds" : \([-0-9.eE]*\).*/\1/p' $d/manifest.json | head -1)
    echo "$v r$r $(date -u +%H:%M:%S) load $l0 wall/user/sys $(cat $d.time) production_s $ps"
  done
done
