#!/usr/bin/python3
"""IBCI against its base initializer, per architecture, from a compare run's runs.csv.

For each pair (ibci-xavier vs xavier, ibci-he vs he, ibci-tie vs ibci-iim) and architecture:
the mean minimum test error of both, their difference, and Welch's t statistic over the seeds.
Runs with the same seed share the shuffle order and data, but not the initial weights, so the
seeds are treated as independent samples. Usage: paired.py OUTDIR/runs.csv
"""
import csv
import statistics
import sys
from collections import defaultdict

PAIRS = [("ibci-xavier", "xavier"), ("ibci-he", "he"), ("ibci-tie", "ibci-iim")]

errors = defaultdict(list)
with open(sys.argv[1]) as f:
    for row in csv.DictReader(f):
        if row["status"] == "completed":
            errors[(row["method"], row["arch"])].append(float(row["best_error"]))

archs = sorted({a for (_, a) in errors}, key=lambda a: (len(a.split("-")), a))
print("| architecture | method | error % | against | error % | difference | Welch t | reading |")
print("|---|---|---|---|---|---|---|---|")
for a in archs:
    for m, base in PAIRS:
        x, y = errors.get((m, a)), errors.get((base, a))
        if not x or not y or len(x) < 2 or len(y) < 2:
            continue
        mx, my = statistics.mean(x), statistics.mean(y)
        se = (statistics.variance(x) / len(x) + statistics.variance(y) / len(y)) ** 0.5
        t = (mx - my) / se if se > 0 else float("inf")
        reading = "lower (|t| > 2)" if t < -2 else "higher (|t| > 2)" if t > 2 else "no clear difference"
        print(f"| {a} | {m} | {mx:.2f} ± {statistics.stdev(x):.2f} | {base} | {my:.2f} ± {statistics.stdev(y):.2f} "
              f"| {mx - my:+.2f} | {t:+.1f} | {reading} |")
