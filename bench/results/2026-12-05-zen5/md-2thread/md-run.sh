#!/usr/bin/env bash
# usage: runs.sh LABEL JAR [JVM opts...]; one fresh-JVM 2-thread run of the compare-lammps MD protocol
label=$1 jar=$2; shift 2
J="$(/work/main/bin/find-jdk)/bin/java"
d=/tmp/md10/$label; rm -rf "$d"
l0=$(cut -d' ' -f1 /proc/loadavg)
/usr/bin/time -f "%e %U %S" -o "$d.time" "$J" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    -Xlog:gc:file=$d.gc "$@" \
    -jar "$jar" simulate --model ka --n 10000 --density 1.2 --temperature 0.6 --dt 0.005 --tdamp 0.5 --skin 0.3 \
    --melt-temperature 2.0 --melt-steps 1000 --equilibrate 1000 --steps 2000 --dump-every 0 --thermo-every 2000 --seed 1 --threads ${THREADS:-2} \
    --out "$d" --quiet > "$d.out" 2> "$d.err"
m="$d/manifest.json"
rate=$(sed -n 's/^ *"production_atom_steps_per_second" : \([-0-9.eE]*\).*/\1/p' "$m" | head -1)
echo "$label load $l0 time $(cat $d.time) rate $rate gcs $(grep -c Pause $d.gc)"
