#!/usr/bin/python3
"""Test-accuracy curves and a table of final and best accuracy for a compare grid.

Reads OUT/runs/*.json of an `ibinit compare` folder, groups the runs by method (initialization
+ smoothing protocol), and writes
    OUT/accuracy.png       mean test accuracy per epoch per method, band min..max over the seeds
    OUT/accuracy-zoom.png  the same above ZOOM percent (default 90)
and prints a Markdown table: runs, epochs, final accuracy (last epoch) and best accuracy (over
the epochs), each as mean ± sample std and min..max over the seeds.
Usage: summarize.py OUT [ZOOM] [TITLE]
"""
import glob
import json
import math
import statistics
import sys
from collections import OrderedDict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

SHORT = [("normal:std=0.01 + box:", "N(0,0.01) + "), ("kaiming-normal", "Kaiming"), ("normal:std=0.01", "N(0,0.01)"),
         ("sigma=0.01,k=1,estimator=mean,", ""), ("schedule=exp,factor=0.3333333333333333,period=10", "exp schedule"),
         ("schedule=inv-sqrt", "1/sqrt(t) schedule"), ("schedule=constant", "constant"),
         ("kaiming-uniform + box:radii=", "smooth R="), (",k=1,estimator=mean,constant", "")]


def short(method):
    for a, b in SHORT:
        method = method.replace(a, b)
    return method


def spread(v):
    if not v:
        return "n/a"
    m = statistics.mean(v)
    s = statistics.stdev(v) if len(v) > 1 else float("nan")
    return f"{m:.2f} ± {s:.2f} ({min(v):.2f}..{max(v):.2f})" if len(v) > 1 else f"{m:.2f}"


def main():
    out = sys.argv[1]
    zoom = float(sys.argv[2]) if len(sys.argv) > 2 else 90.0
    title = sys.argv[3] if len(sys.argv) > 3 else out
    groups = OrderedDict()
    for f in sorted(glob.glob(out + "/runs/*.json")):
        r = json.load(open(f))
        run = r["run"]
        method = run["init"] if run.get("smoothing", "none") == "none" else run["init"] + " + " + run["smoothing"]
        groups.setdefault(method, []).append(r)
    order = sorted(groups, key=lambda m: (m.count("+"), m))
    print("| method | runs | epochs | final test accuracy % | best test accuracy % (epoch) |")
    print("|---|---|---|---|---|")
    for m in order:
        rs = [r for r in groups[m] if r["history"]]
        final = [100 - r["history"][-1]["testError"] for r in rs]
        best = [100 - min(h["testError"] for h in r["history"]) for r in rs]
        epochs = sorted({len(r["history"]) for r in rs})
        best_epoch = statistics.mean(r["bestEpoch"] for r in rs) if rs else float("nan")
        print(f"| {short(m)} | {len(rs)} | {'/'.join(map(str, epochs))} | {spread(final)} | {spread(best)} ({best_epoch:.0f}) |")
    for name, lo in (("accuracy.png", None), ("accuracy-zoom.png", zoom)):
        fig, ax = plt.subplots(figsize=(10, 6))
        for i, m in enumerate(order):
            rs = [r for r in groups[m] if r["history"]]
            n = max(len(r["history"]) for r in rs)
            mean, low, high = [], [], []
            for e in range(n):
                v = [100 - r["history"][e]["testError"] for r in rs if len(r["history"]) > e]
                mean.append(statistics.mean(v))
                low.append(min(v))
                high.append(max(v))
            x = list(range(1, n + 1))
            ax.plot(x, mean, label=f"{short(m)} ({len(rs)} seed{'s' if len(rs) > 1 else ''})", color=f"C{i}")
            ax.fill_between(x, low, high, color=f"C{i}", alpha=0.2)
        ax.set_xlabel("epoch")
        ax.set_ylabel("test accuracy (%)")
        if lo is not None:
            ax.set_ylim(lo, 100)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, loc="lower right")
        ax.set_title(title + (" (zoom)" if lo is not None else "") + ": mean over seeds, band min..max")
        fig.tight_layout()
        fig.savefig(f"{out}/{name}", dpi=100)
        plt.close(fig)


if __name__ == "__main__":
    main()
