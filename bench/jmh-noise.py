#!/usr/bin/env python3
"""Run-to-run noise of the JMH suite: the measurement behind the default threshold of bench/compare-jmh.

    bench/jmh-noise.py RUN1.json RUN2.json [RUN3.json ...] [--k K]

Give two or more runs of the SAME code (bench/run-jmh back to back). For every pair of runs and every
benchmark (name, mode, @Param values) present in both, prints the relative change d = (b - a)/a, the
combined relative 99.9 % JMH error r = sqrt((ea/a)^2 + (eb/b)^2) and d/r; then the distribution of |d|,
the benchmarks whose |d| exceeds K*r (JMH's error bars do not cover the run-to-run change there), and
for floors T = 5, 10, ... % how many of the pairs the rule |d| > max(K*r, T) would flag (false alarms,
since the code did not change). Python 3 standard library only.
"""
import itertools
import json
import math
import sys


def load(path):
    out = {}
    for e in json.load(open(path)):
        params = ",".join(f"{k}={v}" for k, v in sorted((e.get("params") or {}).items()))
        key = f'{e["benchmark"].replace("org.softglass.bench.", "")} {e["mode"]} {params}'.strip()
        pm = e["primaryMetric"]
        err = float(pm["scoreError"]) if pm.get("scoreError") not in (None, "NaN") else float("nan")
        out[key] = (float(pm["score"]), err, pm["scoreUnit"])
    return out


def rel(score, err):
    r = err / abs(score)
    return r if math.isfinite(r) else 0.0


def quantile(xs, q):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    i = q * (len(xs) - 1)
    lo, hi = math.floor(i), math.ceil(i)
    return xs[lo] + (xs[hi] - xs[lo]) * (i - lo)


def main(argv):
    k = 1.0
    if "--k" in argv:
        i = argv.index("--k")
        k = float(argv[i + 1])
        del argv[i:i + 2]
    if len(argv) < 2:
        sys.exit(__doc__)
    runs = [(p, load(p)) for p in argv]
    rows = []
    for (pa, a), (pb, b) in itertools.combinations(runs, 2):
        print(f"\n{pa}  ->  {pb}")
        print(f"{'benchmark':62s} {'run a':>12s} {'run b':>12s} {'unit':6s} {'d':>8s} {'r':>8s} {'|d|/r':>6s}")
        for key in a:
            if key not in b or a[key][2] != b[key][2]:
                continue
            (sa, ea, unit), (sb, eb, _) = a[key], b[key]
            d = (sb - sa) / sa
            r = math.hypot(rel(sa, ea), rel(sb, eb))
            rows.append((key, d, r))
            ratio = abs(d) / r if r > 0 else float("inf")
            print(f"{key:62s} {sa:12.5g} {sb:12.5g} {unit:6s} {100 * d:+7.1f}% {100 * r:7.1f}% {ratio:6.2f}")
    ds = [abs(d) for _, d, _ in rows]
    rs = [r for _, _, r in rows]
    print(f"\n{len(rows)} benchmark pairs")
    print("|d|: median {:.1f} %, 75th pct {:.1f} %, 90th pct {:.1f} %, max {:.1f} %".format(
        *(100 * quantile(ds, q) for q in (0.5, 0.75, 0.9, 1.0))))
    print("r:   median {:.1f} %, 75th pct {:.1f} %, 90th pct {:.1f} %, max {:.1f} %".format(
        *(100 * quantile(rs, q) for q in (0.5, 0.75, 0.9, 1.0))))
    outside = sorted(((abs(d), key, d, r) for key, d, r in rows if abs(d) > k * r), reverse=True)
    print(f"|d| > {k:g} r (JMH error does not cover the change): {len(outside)} of {len(rows)}")
    for ad, key, d, r in outside:
        print(f"    {key:62s} d = {100 * d:+6.1f} %, r = {100 * r:5.1f} %")
    for t in (0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.40, 0.50):
        flagged = [key for key, d, r in rows if abs(d) > max(k * r, t)]
        print(f"rule |d| > max({k:g} r, {100 * t:.0f} %): {len(flagged)} of {len(rows)} flagged"
              + (f"  ({', '.join(flagged)})" if flagged else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
