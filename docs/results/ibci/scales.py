#!/usr/bin/python3
"""Markdown table of the per-layer scales written by scales.sh: for each architecture and method,
the std of the pre-activations of every layer (the last one: the logits) and the mean row norm of
every layer's weights, each the mean over the seeds, and the logits' std over the seeds (min-max).
Usage: scales.py scales.tsv"""
import csv
import statistics
import sys
from collections import defaultdict

rows = defaultdict(list)  # (arch, method, layer index) -> [(row_norm, pre_std)]
order, archs = [], []
with open(sys.argv[1]) as f:
    seen = defaultdict(int)
    for r in csv.DictReader(f, delimiter="\t"):
        key = (r["arch"], r["method"], r["seed"])
        i = seen[key]
        seen[key] += 1
        rows[(r["arch"], r["method"], i)].append((float(r["row_norm"]), float(r["pre_std"])))
        if r["method"] not in order:
            order.append(r["method"])
        if r["arch"] not in archs:
            archs.append(r["arch"])

for a in archs:
    depth = len(a.split("-")) - 1
    seeds = len(rows[(a, order[0], 0)])
    print(f"\n{a}: std of the pre-activations per layer (last: the logits), and mean row norm per layer; mean over {seeds} seeds\n")
    print("| method | pre-activation std, layer 1 .. logits | logits' std, min-max over seeds | row norm, layer 1 .. output |")
    print("|---|---|---|---|")
    for m in order:
        if (a, m, 0) not in rows:
            continue
        std = " / ".join(f"{statistics.mean(x[1] for x in rows[(a, m, i)]):.2f}" for i in range(depth))
        norm = " / ".join(f"{statistics.mean(x[0] for x in rows[(a, m, i)]):.2f}" for i in range(depth))
        logits = [x[1] for x in rows[(a, m, depth - 1)]]
        print(f"| {m} | {std} | {min(logits):.2f}-{max(logits):.2f} | {norm} |")
