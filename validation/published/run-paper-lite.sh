#!/usr/bin/env bash
# Runs the paper-grade study once end to end and files its evidence here (issue 15 item 6):
#   bin/softglass pipeline --preset paper-lite --threads THREADS --out RUN
# then copies into validation/published/paper-lite/: summary.json, published.csv (the published-versus-measured
# table), the report's PNG figures, and run.md with the exact command, the machine, the date, the commit, the
# total wall time and the wall time of every stage (from summary.json's stage_seconds), and the PASS/MISS lines of
# the issue's targets (paper-lite-targets.py).
#
# Usage: validation/published/run-paper-lite.sh [RUN] [THREADS]   (default runs/paper-lite, 2)
# The pipeline resumes an interrupted run (rerun this script); the wall time recorded is that of the last call.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
run="${1:-$root/runs/paper-lite}"
threads="${2:-2}"
dest="$here/paper-lite"
cmd=(bin/softglass pipeline --preset paper-lite --threads "$threads" --out "$run")
cd "$root"
start=$(date +%s)
"${cmd[@]}"
end=$(date +%s)
mkdir -p "$dest"
cp "$run/report/summary.json" "$dest/summary.json"
[ -f "$run/report/published.csv" ] && cp "$run/report/published.csv" "$dest/published.csv"
rm -f "$dest"/*.png "$dest/index.html"
cp "$run"/report/*.png "$run/report/index.html" "$dest/"
/usr/bin/python3 - "$dest" "$((end - start))" "${cmd[*]}" "$(git rev-parse --short HEAD)" \
    "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" <<'EOF'
import json, sys, datetime
dest, wall, cmd, commit, machine = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
s = json.load(open(f"{dest}/summary.json"))
stages = {}
for item, sec in s["stage_seconds"].items():
    stages[item.split("-")[0]] = stages.get(item.split("-")[0], 0.0) + sec
with open(f"{dest}/run.md", "w") as f:
    f.write(f"# paper-lite: one end-to-end run\n\n- command: `{cmd}`\n- date: {datetime.date.today()}\n- commit: `{commit}`\n")
    f.write(f"- machine: {machine}\n- wall time of this call: {wall} s ({wall / 3600:.2f} h)\n\n")
    f.write("| stage | wall s (sum over its items) |\n|---|---|\n")
    for k, v in stages.items():
        f.write(f"| {k} | {v:.1f} |\n")
    f.write(f"| total | {sum(stages.values()):.1f} |\n")
print(open(f"{dest}/run.md").read())
EOF
{ echo; echo "## Targets (validation/published/paper-lite-targets.py)"; echo; echo '```'
  /usr/bin/python3 "$here/paper-lite-targets.py" "$dest" || true
  echo '```'; } >> "$dest/run.md"
tail -n 9 "$dest/run.md"
