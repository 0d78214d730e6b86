#!/usr/bin/python3
"""The scale figure of docs/results/ibci.md: the std of the pre-activations of every layer of
784-32-32-32-32-10 at initialization (the last point: the logits), mean over seeds, on a log axis,
for He and the campaigns on He; one panel per data set. From the TSVs of scales.sh.
Usage: plot-scales.py OUT.svg TITLE=scales.tsv [TITLE=scales.tsv ...]"""
import csv
import math
import os
import statistics
import sys
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import svgplot  # noqa: E402

ARCH = "784-32-32-32-32-10"
METHODS = [("he", "He", 0, None), ("ibci-he", "TIE (the paper's IBCI)", 1, None), ("ibci-code-he", "code default", 3, None),
           ("ibci-iim-he", "IIM", 4, None), ("ibci-he:rescale", "TIE + rescale", 1, "6,4"),
           ("ibci-code-he:rescale", "code default + rescale", 3, "6,4")]

panels = []
for spec in sys.argv[2:]:
    title, path = spec.split("=", 1)
    std = defaultdict(list)  # (method, layer index) -> pre-activation std over seeds
    seen = defaultdict(int)
    seeds = set()
    for r in csv.DictReader(open(path), delimiter="\t"):
        if r["arch"] != ARCH:
            continue
        key = (r["method"], r["seed"])
        std[(r["method"], seen[key])].append(float(r["pre_std"]))
        seen[key] += 1
        seeds.add(r["seed"])
    layers = len(ARCH.split("-")) - 1
    p = svgplot.Panel(520, 420, (0.7, layers + 0.3), (0.1, 10), ylog=True, margins=(70, 20, 40, 60))
    p.axes([(i, str(i) if i < layers else "logits") for i in range(1, layers + 1)],
           [(v, str(v)) for v in (0.1, 0.2, 0.5, 1, 2, 5, 10)],
           "layer", "std of the pre-activations at initialization (log axis)",
           f"{title}: {ARCH}, whole training set, mean of {len(seeds)} seeds")
    for method, _, colour, dash in METHODS:
        ys = [statistics.mean(std[(method, i)]) for i in range(layers)]
        p.line(list(range(1, layers + 1)), ys, svgplot.PALETTE[colour], dash=dash)
    p.legend([(label, svgplot.PALETTE[colour], dash) for _, label, colour, dash in METHODS], 90, 60)
    panels.append(p)
open(sys.argv[1], "w").write(svgplot.svg(panels))
