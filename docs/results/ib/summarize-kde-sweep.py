#!/usr/bin/python3
"""The sigma^2 sweep of the MNIST KDE plane (runs without weight decay only): per sigma^2 and layer,
I(X;T) at the first and last recorded epoch and its largest value against the ceiling log2 N, and
I(T;Y) at the first and last epoch against H(Y); then the rule of docs/results/ib.md: the smallest
sigma^2 at which every layer's I(X;T) stays at least 1 bit below the ceiling at every recorded epoch.
Usage: summarize-kde-sweep.py RUN.json ..."""
import json
import sys

runs = sorted((json.load(open(p)) for p in sys.argv[1:]), key=lambda d: float(d["settings"]["noiseVariance"]))
print("| sigma^2 | layer | I(X;T) first -> last epoch (max) | ceiling log2 N | I(T;Y) first -> last | H(Y) |")
print("|---|---|---|---|---|---|")
chosen = None
for d in runs:
    s2, snaps, ok = float(d["settings"]["noiseVariance"]), d["snapshots"], True
    for i, name in enumerate(d["layers"]):
        ixt = [s["ixt"][i] for s in snaps]
        ity = [s["ity"][i] for s in snaps]
        ok &= max(ixt) <= d["inputEntropy"] - 1
        print(f"| {s2:g} | {name} | {ixt[0]:.2f} -> {ixt[-1]:.2f} ({max(ixt):.2f}) | {d['inputEntropy']:.2f} | "
              f"{ity[0]:.3f} -> {ity[-1]:.3f} | {d['labelEntropy']:.3f} |")
    if ok and chosen is None:
        chosen = s2
print(f"\nsmallest sigma^2 with every I(X;T) at least 1 bit below the ceiling at every epoch: {chosen}")
