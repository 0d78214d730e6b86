#!/usr/bin/env python3
"""Summarizes a (possibly partial) NIO grid folder (docs/results/nio/grid.sh): per method, the
minimum test error over seeds (mean, sample std, n), the epoch of the minimum, the seconds the
initialization took, and for GradInit / NIO the first and last step's metrics and the learned
scales' range, and the B-GN / B-GC traces of every NIO run. Usage: summarize.py GRID_SUBFOLDER"""
import glob, json, statistics, sys

folder = sys.argv[1]
runs = [json.load(open(f)) for f in sorted(glob.glob(folder + "/runs/*.json"))]
by = {}
for r in runs:
    by.setdefault(r["run"]["init"], []).append(r)
print("| method | runs | min test error % (mean ± std) | epoch of min (mean) | last-epoch error % (mean) | init seconds (mean) |")
print("|---|---|---|---|---|---|")
for m, rs in by.items():
    best = [r["bestError"] for r in rs if r["status"] == "COMPLETED"]
    ep = [r["bestEpoch"] for r in rs if r["status"] == "COMPLETED"]
    last = [r["history"][-1]["testError"] for r in rs if r["status"] == "COMPLETED"]
    init = [r["timings"]["initSeconds"] for r in rs]
    sd = statistics.stdev(best) if len(best) > 1 else float("nan")
    print(f"| {m} | {len(best)} of {len(rs)} | {statistics.mean(best):.2f} ± {sd:.2f} | {statistics.mean(ep):.1f} | "
          f"{statistics.mean(last):.2f} | {statistics.mean(init):.1f} |")
print()
for m, rs in by.items():
    for r in rs:
        i = r.get("init")
        if not i:
            continue
        s = i["steps"]
        key = ("bgn", "bgc") if i["method"] == "nio" else ("loss", "gradNorm")
        phases = sum(1 for x in s if x["phase"] == "constraint")
        sc = [v for k, v in i["scales"].items() if k.endswith("weight")]
        print(f"- {m} seed {r['run']['seed']}: {key[0]} {s[0][key[0]]:.3f} -> {s[-1][key[0]]:.3f}, "
              f"{key[1]} {s[0][key[1]]:.3f} -> {s[-1][key[1]]:.3f}, {phases} of {len(s)} constraint steps, "
              f"weight scales {min(sc):.3f} .. {max(sc):.3f}, {i['seconds']:.0f} s")
print()
print("NIO traces (B-GN / B-GC at steps 1, 10, 20, ..., phase c = constraint, o = objective):")
for m, rs in by.items():
    for r in rs:
        i = r.get("init")
        if i and i["method"] == "nio":
            s = i["steps"]
            pick = [0] + list(range(9, len(s), 10))
            print(f"- seed {r['run']['seed']}: " + ", ".join(
                f"{s[k]['step']}{s[k]['phase'][0]} {s[k]['bgn']:.2f}/{s[k]['bgc']:.3f}" for k in pick))
