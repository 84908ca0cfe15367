#!/usr/bin/env bash
# Side-by-side performance of softglass and LAMMPS on the Kob-Andersen mixture (issue 3):
#   1. MD: N particles at rho = 1.2, Nose-Hoover NVT (Tdamp 0.5), dt 0.005, skin 0.3 (neighbor 0.3 bin,
#      neigh_modify every 1 delay 0 check yes): random start, overlap removal, melt at T = 2.0, equilibrate
#      at T, then a timed production run. softglass: production_atom_steps_per_second from DIR/manifest.json;
#      LAMMPS: N*steps/(Loop time) of the production run. Each case on 1 and 2 threads (LAMMPS: 1 and 2 MPI
#      ranks; the Debian build has no OpenMP), --reps times, interleaved so that drifts hit both codes alike.
#   2. Quench: the LAMMPS configuration at the end of its first 1-rank production run, minimised by LAMMPS
#      (min_style cg then fire, minimize 0.0 1e-10 100000 1000000) and by softglass quench --min cg+fire and
#      --min lbfgs+fire (--quench-algs), --ftol 1e-10, on 1 and 2 threads.
# Before every measurement the script waits until the machine is idle: the CPU use of all processes over
# the last 5 s (from /proc/stat, in cores) must be below --max-load. (The 1-minute load average would still
# count the previous measurement of this script for minutes; it is recorded alongside.)
#
# Usage: bench/compare-lammps.sh [--reps 3] [--n 10000] [--temperature 0.6] [--melt 1000] [--equil 1000]
#                                [--steps 2000] [--seed 1] [--threads "1 2"] [--max-load 0.5] [--wait-max 1800]
#                                [--no-opt] [--no-quench] [--no-md] [--quench-algs "cg+fire lbfgs+fire"] [--out DIR]
#   --no-opt     skip the extra LAMMPS runs with the OPT package (-sf opt, pair lj/cut/opt)
#   --no-md      skip the MD runs and reuse DIR/md.csv and DIR/config.dump of an earlier run (quench only)
#   Output: DIR (default bench/results/lammps-YYYY-MM-DD) with md.csv, quench.csv, summary.md and all logs, and
#   latency.csv: the inter-core round trip (core's CoreLatency) measured just before each multi-thread MD run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

reps=3 n=10000 temp=0.6 melt=1000 equil=1000 steps=2000 seed=1 threads="1 2" maxload=0.5 waitmax=1800
opt=1 quench=1 mdrun=1 out="" quench_algs="cg+fire lbfgs+fire"
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) reps="$2"; shift 2 ;;
    --n) n="$2"; shift 2 ;;
    --temperature) temp="$2"; shift 2 ;;
    --melt) melt="$2"; shift 2 ;;
    --equil) equil="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --max-load) maxload="$2"; shift 2 ;;
    --wait-max) waitmax="$2"; shift 2 ;;
    --no-opt) opt=0; shift ;;
    --no-quench) quench=0; shift ;;
    --no-md) mdrun=0; shift ;;
    --quench-algs) quench_algs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare-lammps: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
out="${out:-$root/bench/results/lammps-$(date +%F)}"
mkdir -p "$out"; out="$(cd "$out" && pwd)"   # absolute: LAMMPS runs inside per-run directories

# --- prerequisites -----------------------------------------------------------------------------------------
if ! command -v lmp >/dev/null 2>&1; then
  echo "compare-lammps: LAMMPS binary 'lmp' not found on PATH." >&2
  echo "  Install it (Debian/Ubuntu): sudo apt-get update && sudo apt-get install -y lammps" >&2
  exit 3
fi
needmpi=0
for t in $threads; do [ "$t" -gt 1 ] && needmpi=1; done
if [ "$needmpi" = 1 ] && ! command -v mpirun >/dev/null 2>&1; then
  echo "compare-lammps: 'mpirun' not found (needed for LAMMPS on more than 1 rank); it comes with the lammps package (openmpi-bin)." >&2
  exit 3
fi
JAVA_HOME="$("$root/bin/find-jdk")" || { echo "compare-lammps: no JDK >= 25 found (see bin/find-jdk)" >&2; exit 3; }
# softglass: build if needed, then run a private copy of the jar (edits or rebuilds during the run cannot change it)
"$root/bin/softglass" --version >/dev/null
cp "$root/cli/target/softglass.jar" "$out/softglass.jar"
sg="$out/softglass"
printf '#!/usr/bin/env bash\nexport OPENBLAS_NUM_THREADS=1\nexec "%s" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar "%s" "$@"\n' \
  "$("$root/bin/find-jdk")/bin/java" "$out/softglass.jar" > "$sg"
chmod +x "$sg"
lin="$here/lammps"

lmp_cmd() {   # lmp_cmd RANKS [extra lmp args...]
  local p="$1"; shift
  if [ "$p" -le 1 ]; then lmp "$@"; else mpirun --allow-run-as-root --oversubscribe -np "$p" lmp "$@"; fi
}

lmp_in() {    # lmp_in DIR RANKS [lmp args...]: LAMMPS run with DIR as working directory
  local dir="$1"; shift
  ( cd "$dir" && lmp_cmd "$@" )
}

busy_cores() {   # CPU use of the whole machine over 5 s, in cores
  local a b
  a=($(awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat))
  sleep 5
  b=($(awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat))
  awk -v b="$((b[0]-a[0]))" -v t="$((b[1]-a[1]))" -v c="$(nproc)" 'BEGIN{printf "%.2f", (t>0 ? c*b/t : 0)}'
}

wait_idle() {   # sets $busy (last sample) and $load1
  local waited=0
  while :; do
    busy="$(busy_cores)"
    load1="$(cut -d' ' -f1 /proc/loadavg)"
    if awk -v x="$busy" -v m="$maxload" 'BEGIN{exit !(x < m)}'; then return 0; fi
    if [ "$waited" -ge "$waitmax" ]; then
      echo "compare-lammps: machine still busy ($busy cores) after ${waitmax}s; measuring anyway (flagged in the csv)" >&2
      return 0
    fi
    echo "compare-lammps: machine busy ($busy cores in use, load $load1); waiting ..." >&2
    sleep 25; waited=$((waited + 30))
  done
}

now() { date +%s.%N; }
cpu_snap() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9}' /proc/stat; }   # busy jiffies of the whole machine
own_snap() { awk '{print $16+$17}' "/proc/$$/stat"; }                 # CPU ticks of this script's waited-for children
measure() {   # runs "$@"; sets $wall (s) and $others (average cores used by other processes meanwhile)
  local c0 o0 t0 c1 o1 t1
  c0=$(cpu_snap); o0=$(own_snap); t0=$(now)
  "$@"
  t1=$(now); c1=$(cpu_snap); o1=$(own_snap)
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')
  others=$(awk -v c="$((c1 - c0))" -v o="$((o1 - o0))" -v w="$wall" -v hz="$(getconf CLK_TCK)" \
    'BEGIN{x = (c - o) / hz / w; if (x < 0) x = 0; printf "%.2f", x}')
}

{
  echo "date: $(date -Is)"
  echo "host: nproc=$(nproc), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
  echo "jdk: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  echo "softglass: $("$sg" --version 2>/dev/null | head -1), git $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "lammps: $(lmp -h 2>/dev/null | grep -m1 'Large-scale' | sed 's/.*Simulator - //'), package $(dpkg-query -W -f='${Version}' lammps 2>/dev/null || echo '?')"
  echo "mpi: $(mpirun --version 2>/dev/null | head -1 || echo none)"
  echo "protocol: N=$n rho=1.2 T=$temp seed=$seed melt=$melt@T=2.0 equil=$equil production=$steps dt=0.005 skin=0.3 tdamp=0.5 reps=$reps threads='$threads'"
} | tee "$out/machine.txt"

# --- 1. MD ----------------------------------------------------------------------------------------------------
md="$out/md.csv"
codes="softglass lammps"; [ "$opt" = 1 ] && codes="$codes lammps-opt"
if [ "$mdrun" = 0 ]; then
  [ -f "$md" ] && [ -f "$out/config.dump" ] || { echo "compare-lammps: --no-md needs $md and $out/config.dump from an earlier run" >&2; exit 2; }
  reps=0
else
echo "code,threads,rep,atom_steps_per_s,production_s,neigh_builds,neigh_percent,pair_percent,busy_cores_before,load1_before,others_cores_during" > "$md"
echo "code,threads,rep,core_roundtrip_ns" > "$out/latency.csv"
for r in $(seq 1 "$reps"); do
  for t in $threads; do
    for code in $codes; do
      d="$out/md_${code}_t${t}_r${r}"; rm -rf "$d"; mkdir -p "$d"
      wait_idle
      echo "compare-lammps: MD rep $r/$reps, $code, $t thread(s) (machine $busy cores busy) ..." >&2
      if [ "$t" -gt 1 ]; then   # the machine's inter-core state just before a run that depends on it (CoreLatency)
        lat="$("$JAVA_HOME/bin/java" -cp "$out/softglass.jar" org.softglass.core.parallel.CoreLatency 2>/dev/null | awk '{print $2}')"
        echo "$code,$t,$r,${lat:-?}" >> "$out/latency.csv"
      fi
      if [ "$code" = softglass ]; then
        measure "$sg" simulate --model ka --n "$n" --density 1.2 --temperature "$temp" --dt 0.005 --tdamp 0.5 --skin 0.3 \
          --melt-temperature 2.0 --melt-steps "$melt" --equilibrate "$equil" --steps "$steps" \
          --dump-every 0 --thermo-every "$steps" --seed "$seed" --threads "$t" --out "$d/run" --quiet 2> "$d/stderr.txt"
        m="$d/run/manifest.json"
        val() { sed -n "s/^ *\"$1\" : \([-0-9.eE]*\).*/\1/p" "$m" | head -1; }
        echo "softglass,$t,$r,$(val production_atom_steps_per_second),$(val production_seconds),$(val neighbour_list_builds),,,$busy,$load1,$others" >> "$md"
      else
        sf=(); [ "$code" = lammps-opt ] && sf=(-sf opt)
        fin="$d/final.dump"
        measure lmp_in "$d" "$t" "${sf[@]}" -in "$lin/in.ka_bench_nvt" -log log.lammps -screen none -var N "$n" -var T "$temp" \
            -var seed "$seed" -var nmelt "$melt" -var nequil "$equil" -var nprod "$steps" -var out final.dump
        awk -v t="$t" -v r="$r" -v code="$code" -v busy="$busy" -v l1="$load1" -v oth="$others" '
          /^BENCH_PRODUCTION_START$/ {on=1}
          on && /^Loop time of/ {loop=$4; s=$9; natoms=$12}
          on && /^Pair  *\|/ {pair=$NF}
          on && /^Neigh  *\|/ {neigh=$NF}
          on && /^Neighbor list builds/ {builds=$NF; on=0}
          END {printf "%s,%s,%s,%.6g,%s,%s,%s,%s,%s,%s,%s\n", code, t, r, natoms*s/loop, loop, builds, neigh, pair, busy, l1, oth}
        ' "$d/log.lammps" >> "$md"
        if [ "$code" = lammps ] && [ "$t" = 1 ] && [ "$r" = 1 ]; then cp "$fin" "$out/config.dump"; fi
      fi
      tail -1 "$md" >&2
    done
  done
done
fi

# --- 2. quench ------------------------------------------------------------------------------------------------
qc="$out/quench.csv"
if [ "$quench" = 1 ]; then
  echo "code,threads,wall_s,loop_s,iterations,force_evals,u_is_per_atom,fnorm,busy_cores_before,others_cores_during" > "$qc"
  qstep="$(sed -n '2p' "$out/config.dump")"
  # JVM start-up plus CLI set-up, for reference (softglass wall times include it)
  s0=$(now); "$sg" --version >/dev/null 2>&1; s1=$(now)
  jvm_start=$(awk -v a="$s0" -v b="$s1" 'BEGIN{printf "%.2f", b-a}')
  for t in $threads; do
    d="$out/quench_lammps_t$t"; rm -rf "$d"; mkdir -p "$d"
    wait_idle
    echo "compare-lammps: quench, lammps, $t rank(s) ..." >&2
    measure lmp_in "$d" "$t" -in "$lin/in.ka_bench_min" -log log.lammps -screen none -var dump "$out/config.dump" -var step "$qstep" -var out is.dump
    awk -v t="$t" -v w="$wall" -v busy="$busy" -v oth="$others" '
      /^Loop time of/ {loop += $4}
      /Iterations, force evaluations/ {it += $(NF-1); fe += $NF}
      /^IS_RESULT/ {u=$5; fn=$7}
      END {printf "lammps,%s,%.3f,%.3f,%d,%d,%s,%s,%s,%s\n", t, w, loop, it, fe, u, fn, busy, oth}
    ' "$d/log.lammps" >> "$qc"
    tail -1 "$qc" >&2

    for alg in $quench_algs; do
      d="$out/quench_softglass_${alg}_t$t"; rm -rf "$d"
      wait_idle
      echo "compare-lammps: quench, softglass $alg, $t thread(s) ..." >&2
      measure "$sg" quench "$out/config.dump" --out "$d" --model ka --min "$alg" --ftol 1e-10 --threads "$t" --quiet
      awk -F, -v t="$t" -v w="$wall" -v busy="$busy" -v oth="$others" -v c="softglass $alg" '
        NR==2 {printf "%s,%s,%.3f,,%d,%d,%s,%s,%s,%s\n", c, t, w, $6, $7, $3, $4, busy, oth}' "$d/is_energy.csv" >> "$qc"
      tail -1 "$qc" >&2
    done
  done
fi

# --- summary --------------------------------------------------------------------------------------------------
# A run counts as undisturbed when other processes used less than 0.25 cores on average while it ran; the
# statistics use the undisturbed runs (all runs, marked "disturbed", if none was).
stats() {   # stats CODE THREADS -> "median min max used total"
  awk -F, -v t="$2" -v c="$1" 'NR>1 && $1==c && $2==t {print $4, ($11 < 0.25 ? 1 : 0)}' "$md" | sort -g |
    awk '{all[++na]=$1; if ($2) ok[++no]=$1}
         END {if (no == 0) {for (i=1;i<=na;i++) ok[i]=all[i]; no=na; d=1}
              med = (no%2 ? ok[(no+1)/2] : (ok[no/2]+ok[no/2+1])/2);
              printf "%s %s %s %d %d %d\n", med, ok[1], ok[no], (d ? 0 : no), na, d}'
}
{
  echo "# softglass vs LAMMPS: $(date +%F)"
  echo
  sed 's/^/    /' "$out/machine.txt"
  echo
  echo "## MD production, atom-steps per second (N=$n, $steps steps)"
  echo
  echo "| code | threads | median | min – max | undisturbed runs | median / LAMMPS lj/cut (same threads) | LAMMPS Neigh % of loop |"
  echo "|---|---|---|---|---|---|---|"
  for t in $threads; do
    ref="$(stats lammps "$t" | cut -d' ' -f1)"
    for code in $codes; do
      read -r med lo hi used total dist <<< "$(stats "$code" "$t")"
      neigh="$(awk -F, -v t="$t" -v c="$code" 'NR>1 && $1==c && $2==t && $7!="" {s+=$7; k++} END{if (k) printf "%.0f %%", s/k; else print "–"}' "$md")"
      awk -v c="$code" -v t="$t" -v m="$med" -v lo="$lo" -v hi="$hi" -v u="$used" -v n="$total" -v d="$dist" -v ref="$ref" -v ng="$neigh" \
        'BEGIN {printf "| %s | %s | %.3g | %.3g – %.3g | %s | %.2f | %s |\n", c, t, m, lo, hi, (d ? "0 of " n " (disturbed)" : u " of " n), (ref > 0 ? m/ref : 0), ng}'
    done
  done
  if [ -f "$out/latency.csv" ] && [ "$(wc -l < "$out/latency.csv")" -gt 1 ]; then
    echo
    echo "Inter-core round trip (ns, CoreLatency) just before each multi-thread run; ≈ 50–80 ns is this VM's fast"
    echo "state, ≈ 400–650 ns its slow one, in which softglass's 2-thread rate drops (bench/RESULTS.md):"
    echo
    echo "| code | threads | rep | atom-steps/s | round trip (ns) |"
    echo "|---|---|---|---|---|"
    awk -F, 'FNR==1 {next} NR==FNR {rate[$1","$2","$3]=$4; next} {printf "| %s | %s | %s | %.3g | %s |\n", $1, $2, $3, rate[$1","$2","$3], $4}' "$md" "$out/latency.csv"
  fi
  if [ "$quench" = 1 ]; then
    echo
    echo "## Quench of one configuration (LAMMPS: cg then fire; softglass: the minimiser named; ftol 1e-10); softglass wall includes JVM start-up (~${jvm_start} s for --version)"
    echo
    echo "| code | threads | process wall (s) | LAMMPS loop cg+fire (s) | iterations | force evaluations | U_IS/N | fnorm | other processes (cores) |"
    echo "|---|---|---|---|---|---|---|---|---|"
    awk -F, 'NR>1 {printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, ($4==""?"–":$4), $5, $6, $7, $8, $10}' "$qc"
  fi
} > "$out/summary.md"
cat "$out/summary.md"
