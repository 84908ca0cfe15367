#!/usr/bin/python3
"""The targets of the paper-grade run (issue 15), evaluated on a pipeline run: one line per target, PASS or MISS with the
numbers, and exit status 0 only when every target passes.

Usage: /usr/bin/python3 validation/published/paper-lite-targets.py RUN_OR_REPORT_DIR
  (a run directory, its report/ folder, or validation/published/paper-lite/ with summary.json and published.csv)

Targets (issue 15, "Targets for the paper-grade run"):
  1. CV accuracy >= 0.85 (summary softness_model.cv_accuracy: the pooled model over the training temperatures);
  2. P(S > 0 | R) >= 0.85 (published.csv row p_s_pos_given_r, 001 §3.3);
  3. T0 within 0.1 of a published value (001: 0.86; 002: 0.74), using the fitted onset_fit.t0;
  4. no fallback used (summary fallback_used, fallbacks);
  5. after matching at the highest T, MD and TRSP tau_chi within a factor 2 at every T
     (summary comparison[].tau_chi_md against tau_chi_trsp_matched; a T where either is missing counts as a miss).
"""
import csv
import json
import os
import sys


def locate(path):
    for d in (path, os.path.join(path, "report")):
        if os.path.isfile(os.path.join(d, "summary.json")):
            return d
    sys.exit(f"{path}: no summary.json (expected a run directory, its report/ folder or a filed copy)")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    d = locate(sys.argv[1])
    s = json.load(open(os.path.join(d, "summary.json")))
    rows = {}
    pub = os.path.join(d, "published.csv")
    if os.path.isfile(pub):
        rows = {r["id"]: r for r in csv.DictReader(open(pub, newline=""))}
    results = []

    cv = s.get("softness_model", {}).get("cv_accuracy")
    results.append(("CV accuracy >= 0.85", cv is not None and cv >= 0.85, f"cv_accuracy = {cv}"))

    p = rows.get("p_s_pos_given_r", {}).get("ours")
    pv = float(p) if p not in (None, "") else None
    results.append(("P(S > 0 | R) >= 0.85", pv is not None and pv >= 0.85,
                    f"P(S > 0 | R) = {pv} ± {rows.get('p_s_pos_given_r', {}).get('ours_err')}" if pv is not None else "not in published.csv"))

    o = s.get("onset_fit", {})
    t0, fitted = o.get("t0"), o.get("source") == "fitted"
    near = [v for v in (0.86, 0.74) if t0 is not None and abs(t0 - v) <= 0.1]
    results.append(("T0 within 0.1 of 0.86 (001) or 0.74 (002)", fitted and bool(near),
                    f"T0 = {t0} ± {o.get('t0_err')} ({o.get('source')})"))

    fb = s.get("fallbacks", [])
    results.append(("no fallback used", not s.get("fallback_used", True),
                    "none" if not fb else "; ".join(f["what"] + " -> " + f["substitute"] for f in fb)))

    bad = []
    for r in s.get("comparison", []):
        md, tr = r.get("tau_chi_md"), r.get("tau_chi_trsp_matched")
        if md is None or tr is None or md <= 0 or tr <= 0 or max(md / tr, tr / md) > 2:
            bad.append(f"T={r['T']}: MD {md}, TRSP {tr}")
    results.append(("tau_chi MD vs TRSP (matched) within 2x at every T", not bad and bool(s.get("comparison")),
                    "all within 2x" if not bad else "; ".join(bad)))

    for name, ok, detail in results:
        print(f"{'PASS' if ok else 'MISS'}  {name}: {detail}")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
