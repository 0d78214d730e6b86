#!/usr/bin/env python3
"""Comparison table of a run-grid.sh output folder, from its runs/*.json:
per method and architecture, minimum test error % as mean +- sample std over seeds (mean epoch of
the minimum), how many runs had their minimum at the last epoch, the initialization cost in
seconds (mean of timings.initSeconds) and the training time per run; then sparse-filtering against
its base (he) per architecture, paired by seed (a seed gives both the same batch order and sample),
with a paired t test and Holm's correction over the three architectures.
Usage: table.py GRID_DIR"""
import glob
import json
import statistics
import sys
from collections import defaultdict

from scipy import stats as scipy_stats

runs = [json.load(open(f)) for f in sorted(glob.glob(sys.argv[1] + "/runs/*.json"))]
cells = defaultdict(list)
for r in runs:
    if r["status"].lower() == "completed":
        cells[(r["run"]["init"], r["run"]["arch"])].append(r)
order = ["sparse-filtering", "he", "xavier", "lsuv", "ibci"]
archs = ["784-100-10", "784-256-100-10", "784-32-32-32-32-10"]


def stats(rs):
    e = [r["bestError"] for r in rs]
    return statistics.mean(e), (statistics.stdev(e) if len(e) > 1 else 0.0), e


print("| method | architecture | min test error % (epoch) | runs | min at last epoch | init s | train s |")
print("|---|---|---|---|---|---|---|")
for m in order:
    for a in archs:
        rs = cells.get((m, a), [])
        if not rs:
            print(f"| {m} | {a} | (not run yet) | 0 | | | |")
            continue
        mean, sd, _ = stats(rs)
        ep = statistics.mean(r["bestEpoch"] for r in rs)
        last = sum(1 for r in rs if r["bestEpoch"] == r["run"]["epochs"])
        init = statistics.mean(r["timings"]["initSeconds"] for r in rs)
        train = statistics.mean(r["timings"]["trainSeconds"] for r in rs)
        print(f"| {m} | {a} | {mean:.2f} ± {sd:.2f} ({ep:.1f}) | {len(rs)} | {last} | {init:.2f} | {train:.0f} |")

print()
print("| architecture | sparse-filtering | he | seeds | mean paired difference ± sd | p (paired t) | p (Holm, 3) | reading |")
print("|---|---|---|---|---|---|---|---|")
rows = []
for a in archs:
    s = {r["run"]["seed"]: r["bestError"] for r in cells.get(("sparse-filtering", a), [])}
    h = {r["run"]["seed"]: r["bestError"] for r in cells.get(("he", a), [])}
    seeds = sorted(set(s) & set(h))
    if len(seeds) < 2:
        rows.append((a, None))
        continue
    d = [s[k] - h[k] for k in seeds]
    p = scipy_stats.ttest_rel([s[k] for k in seeds], [h[k] for k in seeds]).pvalue
    rows.append((a, (stats(cells[("sparse-filtering", a)]), stats(cells[("he", a)]), seeds, d, p)))
# Holm: the k-th smallest p times (m - k + 1), kept monotone, capped at 1
tested = sorted((r[1][4], i) for i, r in enumerate(rows) if r[1])
holm, running = {}, 0.0
for k, (p, i) in enumerate(tested):
    running = max(running, min(1.0, p * (len(tested) - k)))
    holm[i] = running
for i, (a, r) in enumerate(rows):
    if r is None:
        print(f"| {a} | | | | | | | too few paired seeds |")
        continue
    (ms, ss, _), (mh, sh, _), seeds, d, p = r
    sd = statistics.stdev(d)
    reading = ("lower" if statistics.mean(d) < 0 else "higher") if holm[i] < 0.05 else "no difference shown"
    print(f"| {a} | {ms:.2f} ± {ss:.2f} | {mh:.2f} ± {sh:.2f} | {len(seeds)} | {statistics.mean(d):+.2f} ± {sd:.2f} "
          f"| {p:.3f} | {holm[i]:.3f} | {reading} |")
