#!/usr/bin/env bash
# KA N=10000 simulate --inherent (lbfgs+fire 1e-4), --threads 2: MD on 2 threads (as shipped) vs 1 thread (experiment), alternated
reps=$1; J="$(/work/main/bin/find-jdk)/bin/java"; jar=/tmp/swmd/exp.jar
for r in $(seq 1 $reps); do
  for m in 2 1; do
    d=/tmp/swmd/mdq-$m-r$r; rm -rf $d
    l0=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %U %S" -o $d.time $J --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Dsoftglass.exp.mdThreads=$m -jar $jar \
      simulate --model=ka --n=10000 -T=0.45 --melt-steps=1000 --equilibrate=0 --steps=4000 --dump-every=200 --thermo-every=1000 \
      --inherent --inherent-min=lbfgs+fire --inherent-ftol=1e-4 --out=$d --threads=2 --quiet > /dev/null 2>$d.err
    ps=$(sed -n 's/^ *"production_seconds" : \([-0-9.eE]*\).*/\1/p' $d/manifest.json | head -1)
    it=$(awk -F, 'NR>1{s+=$5} END{print s}' $d/is_energy.csv)
    echo "md$m r$r $(date -u +%H:%M:%S) load $l0 wall/user/sys $(cat $d.time) production_s $ps is_iterations $it"
  done
done
