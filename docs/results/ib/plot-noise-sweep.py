#!/usr/bin/python3
"""Figure 2 of the AA-MINE paper as an SVG: the AA-MINE and plain MINE estimates of I(X; L_1 + eps)
against sigma^2 on a log axis, from the CSV that ibinit.info.NoiseSweep prints, with a line of the
slope the true value has at small noise (ln 10 nats per decade of sigma^2 for a 2-unit layer).
Usage: plot-noise-sweep.py IN.csv OUT.svg"""
import csv
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import svgplot  # noqa: E402

rows = list(csv.DictReader(open(sys.argv[1])))
s2 = [float(r["sigma2"]) for r in rows]
series = [("AA-MINE (critic sees F_1(x))", "#c0392b", [float(r["aa_mine_nats"]) for r in rows]),
          ("plain MINE (critic sees x)", "#2c6fbb", [float(r["mine_nats"]) for r in rows])]
ymax = math.ceil(max(max(v) for _, _, v in series) + 0.5)
ymin = min(0.0, math.floor(min(min(v) for _, _, v in series)))
# sigma^2 falls to the right, as in the paper
p = svgplot.Panel(640, 420, (min(s2), max(s2)), (ymin, ymax), xlog=True, reverse_x=True)
decades = range(math.floor(math.log10(min(s2))), math.ceil(math.log10(max(s2))) + 1)
p.axes([(10 ** e, f"1e{e}") for e in decades], [(v, str(v)) for v in range(int(ymin), int(ymax) + 1)],
       "noise variance sigma^2 (log axis, smaller to the right)", "estimate of I(X; L_1 + eps), nats",
       f"Random tanh MLP 10-2-3, X ~ N(0, I_10), 4096 samples, {rows[0]['steps']} critic steps per point")
# the truth's slope at small noise, anchored at the AA-MINE estimate of the largest sigma^2 shown
ref = series[0][2][0]
x0, x1 = max(s2), min(s2)
y1 = ref + math.log(10) * (math.log10(x0) - math.log10(x1))
if y1 > ymax:
    x1 = 10 ** (math.log10(x0) - (ymax - ref) / math.log(10))
    y1 = ymax
p.line([x0, x1], [ref, y1], "#888", dash="5,4", markers=False, width=1)
for name, colour, v in series:
    p.line(s2, v, colour)
p.legend([(name, colour, None) for name, colour, _ in series] + [("slope of the true value at small noise", "#888", "5,4")],
         640 - 20 - 290, 420 - 60 - 62)
open(sys.argv[2], "w").write(svgplot.svg([p]))
