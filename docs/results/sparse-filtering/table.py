#!/usr/bin/env python3
"""Comparison table of a run-grid.sh output folder, from its runs/*.json:
per method and architecture, minimum test error % as mean +- sample std over seeds (mean epoch of
the minimum), how many runs had their minimum at the last epoch, the initialization cost in
seconds (mean of timings.initSeconds) and the training time per run; then sparse-filtering against
its base (he) per architecture with Welch's t.
Usage: table.py GRID_DIR"""
import glob
import json
import math
import statistics
import sys
from collections import defaultdict

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
print("| architecture | sparse-filtering | he | difference | Welch t | reading |")
print("|---|---|---|---|---|---|")
for a in archs:
    s, h = cells.get(("sparse-filtering", a), []), cells.get(("he", a), [])
    if len(s) < 2 or len(h) < 2:
        print(f"| {a} | {len(s)} runs | {len(h)} runs | | | too few runs |")
        continue
    ms, ss, _ = stats(s)
    mh, sh, _ = stats(h)
    t = (ms - mh) / math.sqrt(ss * ss / len(s) + sh * sh / len(h)) if ss + sh > 0 else float("nan")
    reading = "lower (|t| > 2)" if t < -2 else "higher (|t| > 2)" if t > 2 else "no clear difference"
    print(f"| {a} | {ms:.2f} ± {ss:.2f} ({len(s)}) | {mh:.2f} ± {sh:.2f} ({len(h)}) | {ms - mh:+.2f} | {t:+.1f} | {reading} |")
