#!/usr/bin/python3
"""Paired comparisons of a compare grid's runs (runs.csv), as in docs/results/ibci.md.

Runs of the same seed share the data split, the initialization sample and the batch order, so
each comparison is made seed by seed: d_s = error(method, s) - error(against, s), then a paired t
test over the seeds both have (two-sided, n - 1 degrees of freedom). Holm's step-down correction
is applied within each family (one question asked of every architecture and both bases); a
difference is called only where the Holm-adjusted p is below 0.05.
The same paired test is applied to the epoch of the minimum for IBCI against its base (the
paper's faster-convergence claim). Also printed: the binomial standard error of an error rate p measured on a test set of N images,
sqrt(p (1 - p) / N), for the mean error of each base method.
Usage: paired.py OUTDIR/runs.csv [TEST_SET_SIZE]
"""
import csv
import math
import statistics
import sys
from collections import defaultdict

from scipy import stats

FAMILIES = [
    ("IBCI (the paper's: a = 1 in every layer, TIE) against its base", [("ibci-xavier", "xavier"), ("ibci-he", "he")]),
    ("Table 2: IIM (a = 0 in every layer) against TIE", [("ibci-iim-xavier", "ibci-xavier"), ("ibci-iim-he", "ibci-he")]),
    ("LSUV on each base against the base", [("lsuv:pre=xavier", "xavier"), ("lsuv:pre=he", "he")]),
    ("our former default (the authors' code: a = 0 hidden, 1 output) against the base",
     [("ibci-code-xavier", "xavier"), ("ibci-code-he", "he")]),
    ("rescale after election against the same campaign without it",
     [("ibci-code-xavier:rescale", "ibci-code-xavier"), ("ibci-code-he:rescale", "ibci-code-he"),
      ("ibci-xavier:rescale", "ibci-xavier"), ("ibci-he:rescale", "ibci-he")]),
]


def holm(pvalues):
    """Holm-adjusted p values, in the input order."""
    order = sorted(range(len(pvalues)), key=lambda i: pvalues[i])
    adjusted, running = [0.0] * len(pvalues), 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(pvalues) - rank) * pvalues[i]))
        adjusted[i] = running
    return adjusted


errors = defaultdict(dict)  # (method, arch) -> {seed: best error %}
epochs = defaultdict(dict)  # (method, arch) -> {seed: epoch of the minimum}
with open(sys.argv[1]) as f:
    for row in csv.DictReader(f):
        if row["status"] == "completed":
            errors[(row["method"], row["arch"])][row["seed"]] = float(row["best_error"])
            epochs[(row["method"], row["arch"])][row["seed"]] = float(row["best_epoch"])
test_size = int(sys.argv[2]) if len(sys.argv) > 2 else None
archs = sorted({a for (_, a) in errors}, key=lambda a: (len(a.split("-")), a))

if test_size:
    print(f"Binomial standard error of a test error rate on {test_size:,} images, at the mean error of each base:\n")
    print("| architecture | base | mean error % | binomial s.e. (points) |")
    print("|---|---|---|---|")
    for a in archs:
        for base in ("xavier", "he"):
            if errors.get((base, a)):
                p = statistics.mean(errors[(base, a)].values()) / 100
                print(f"| {a} | {base} | {100 * p:.2f} | {100 * math.sqrt(p * (1 - p) / test_size):.2f} |")
    print()



def family(title, pairs, values, unit):
    rows = []
    for m, base in pairs:
        for a in archs:
            x, y = values.get((m, a), {}), values.get((base, a), {})
            seeds = sorted(set(x) & set(y), key=int)
            if len(seeds) < 2:
                continue
            d = [x[s] - y[s] for s in seeds]
            sd = statistics.stdev(d)
            p = stats.ttest_rel([x[s] for s in seeds], [y[s] for s in seeds]).pvalue if sd > 0 else 1.0
            rows.append([a, m, base, len(seeds), statistics.mean(x[s] for s in seeds), statistics.mean(y[s] for s in seeds),
                         statistics.mean(d), sd, p])
    if not rows:
        return
    for r, adj in zip(rows, holm([r[-1] for r in rows])):
        r.append(adj)
    print(f"**{title}** (Holm over the {len(rows)} comparisons of this family)\n")
    print(f"| architecture | method | against | seeds | {unit} | against | mean paired difference ± sd | p (paired t) | p (Holm) | reading |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for a, m, base, n, mx, my, md, sd, p, adj in rows:
        reading = ("lower" if md < 0 else "higher") if adj < 0.05 else "no difference shown"
        print(f"| {a} | {m} | {base} | {n} | {mx:.2f} | {my:.2f} | {md:+.2f} ± {sd:.2f} | {p:.3f} | {adj:.3f} | {reading} |")
    print()


for title, pairs in FAMILIES:
    family(title, pairs, errors, "error %")
family("Epoch of the minimum: IBCI against its base", FAMILIES[0][1], epochs, "epoch")
