#!/usr/bin/python3
"""The IBCI paper's Tables 1 and 2 in the paper's layout from a compare grid's runs.csv, with the
paper's numbers beside ours: minimum test error %, mean ± sample std over seeds (mean epoch of the
minimum); a cell with fewer than 5 finished seeds says how many. Usage: tables.py OUTDIR/runs.csv"""
import csv
import statistics
import sys
from collections import defaultdict

ARCHS = [("784-100-10", 2), ("784-256-100-10", 3), ("784-32-32-32-32-10", 5)]
# The paper's Table 1 (MNIST, 60,000 training images, about 100 epochs): vanilla, LSUV, IBCI.
PAPER = {("xavier", 2): ("2.04 ± 0.03 (75)", "2.05 ± 0.06 (51)", "1.93 ± 0.06 (60)"),
         ("xavier", 3): ("1.82 ± 0.05 (52)", "1.80 ± 0.07 (63)", "1.71 ± 0.09 (36)"),
         ("xavier", 5): ("2.83 ± 0.16 (98)", "3.13 ± 0.17 (69)", "2.53 ± 0.09 (78)"),
         ("he", 2): ("2.03 ± 0.03 (65)", "2.00 ± 0.04 (70)", "1.93 ± 0.07 (57)"),
         ("he", 3): ("1.83 ± 0.05 (54)", "1.86 ± 0.07 (71)", "1.73 ± 0.04 (35)"),
         ("he", 5): ("2.76 ± 0.07 (80)", "2.90 ± 0.12 (77)", "2.62 ± 0.08 (73)")}

runs = defaultdict(list)
with open(sys.argv[1]) as f:
    for r in csv.DictReader(f):
        if r["status"] == "completed":
            runs[(r["method"], r["arch"])].append((float(r["best_error"]), int(r["best_epoch"])))


def cell(method, arch):
    v = runs.get((method, arch))
    if not v:
        return "-"
    e = [x[0] for x in v]
    sd = f" ± {statistics.stdev(e):.2f}" if len(e) > 1 else ""
    n = "" if len(e) == 5 else f" [n={len(e)}]"
    return f"{statistics.mean(e):.2f}{sd} ({statistics.mean(x[1] for x in v):.0f}){n}"


print("**Table 1** (ours | the paper's)\n")
print("| base | layers | vanilla | LSUV on the base | LSUV, orthonormal | IBCI (TIE) | IBCI, code default | IBCI, code default + rescale "
      "| paper: vanilla | paper: LSUV | paper: IBCI |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for base in ("xavier", "he"):
    for arch, depth in ARCHS:
        print(f"| {base} | {depth} | {cell(base, arch)} | {cell('lsuv:pre=' + base, arch)} | {cell('lsuv', arch)} "
              f"| {cell('ibci-' + base, arch)} | {cell('ibci-code-' + base, arch)} | {cell('ibci-code-' + base + ':rescale', arch)} "
              f"| {' | '.join(PAPER[(base, depth)])} |")
print("\n**Table 2** (ours | the paper's; its TIE column repeats its Table 1 IBCI numbers)\n")
print("| base | layers | TIE (= IBCI) | IIM | TIE + rescale | paper: TIE | paper: IIM |")
print("|---|---|---|---|---|---|---|")
for base in ("xavier", "he"):
    for arch, depth in ARCHS:
        print(f"| {base} | {depth} | {cell('ibci-' + base, arch)} | {cell('ibci-iim-' + base, arch)} | {cell('ibci-' + base + ':rescale', arch)} "
              f"| {PAPER[(base, depth)][2]} | not available here |")
