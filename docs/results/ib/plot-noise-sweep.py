#!/usr/bin/python3
"""Figure 2 of the AA-MINE paper as an SVG: the AA-MINE and plain MINE estimates of I(X; L_1 + eps)
against sigma^2 on a log axis, from the CSV that ibinit.info.NoiseSweep prints, with a line of the
slope the true value has at small noise (ln 10 nats per decade of sigma^2 for a 2-unit layer).
Usage: plot-noise-sweep.py IN.csv OUT.svg"""
import csv
import math
import sys

rows = list(csv.DictReader(open(sys.argv[1])))
s2 = [float(r["sigma2"]) for r in rows]
series = [("AA-MINE (critic sees F_1(x))", "#c0392b", [float(r["aa_mine_nats"]) for r in rows]),
          ("plain MINE (critic sees x)", "#2c6fbb", [float(r["mine_nats"]) for r in rows])]
W, H, L, R, T, B = 640, 420, 70, 20, 40, 60
LX, LY = W - R - 290, H - B - 62  # legend: lower right, below the curves' ends
lx = [math.log10(v) for v in s2]
xmin, xmax = min(lx), max(lx)
ymax = max(max(v) for _, _, v in series)
ymax = math.ceil(ymax + 0.5)
ymin = min(0.0, math.floor(min(min(v) for _, _, v in series)))


def px(v): return L + (xmax - math.log10(v)) / (xmax - xmin) * (W - L - R)  # sigma^2 falls to the right, as the paper's


def py(v): return T + (ymax - v) / (ymax - ymin) * (H - T - B)


out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect x="0" y="0" width="{W}" height="{H}" fill="white"/>',
       f'<rect x="{L}" y="{T}" width="{W - L - R}" height="{H - T - B}" fill="none" stroke="black"/>']
for e in range(math.floor(xmin), math.ceil(xmax) + 1):
    x = px(10 ** e)
    out.append(f'<line x1="{x:.1f}" y1="{H - B}" x2="{x:.1f}" y2="{H - B + 5}" stroke="black"/>')
    out.append(f'<text x="{x:.1f}" y="{H - B + 18}" text-anchor="middle">1e{e}</text>')
for v in range(int(ymin), int(ymax) + 1):
    y = py(v)
    out.append(f'<line x1="{L - 5}" y1="{y:.1f}" x2="{L}" y2="{y:.1f}" stroke="black"/>')
    out.append(f'<line x1="{L}" y1="{y:.1f}" x2="{W - R}" y2="{y:.1f}" stroke="#ddd"/>')
    out.append(f'<text x="{L - 8}" y="{y + 4:.1f}" text-anchor="end">{v}</text>')
out.append(f'<text x="{(L + W - R) / 2}" y="{H - 15}" text-anchor="middle">noise variance sigma^2 (log axis, smaller to the right)</text>')
out.append(f'<text x="18" y="{(T + H - B) / 2}" text-anchor="middle" transform="rotate(-90 18 {(T + H - B) / 2})">estimate of I(X; L_1 + eps), nats</text>')
out.append(f'<text x="{L}" y="24">Random tanh MLP 10-2-3, X ~ N(0, I_10), 4096 samples, {rows[0]["steps"]} critic steps per point</text>')
# the truth's slope at small noise, anchored at the AA-MINE estimate of the largest sigma^2 shown
ref = series[0][2][0]
x0, x1 = max(s2), min(s2)
y1 = ref + math.log(10) * (math.log10(x0) - math.log10(x1))
if y1 > ymax:
    x1 = 10 ** (math.log10(x0) - (ymax - ref) / math.log(10))
    y1 = ymax
out.append(f'<line x1="{px(x0):.1f}" y1="{py(ref):.1f}" x2="{px(x1):.1f}" y2="{py(y1):.1f}" stroke="#888" stroke-dasharray="5,4"/>')
for i, (name, color, v) in enumerate(series):
    pts = " ".join(f"{px(a):.1f},{py(b):.1f}" for a, b in zip(s2, v))
    out.append(f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="2"/>')
    for a, b in zip(s2, v):
        out.append(f'<circle cx="{px(a):.1f}" cy="{py(b):.1f}" r="3.5" fill="{color}"/>')
    out.append(f'<line x1="{LX}" y1="{LY + 18 * i}" x2="{LX + 25}" y2="{LY + 18 * i}" stroke="{color}" stroke-width="2"/>')
    out.append(f'<text x="{LX + 31}" y="{LY + 4 + 18 * i}">{name}</text>')
out.append(f'<line x1="{LX}" y1="{LY + 36}" x2="{LX + 25}" y2="{LY + 36}" stroke="#888" stroke-dasharray="5,4"/>')
out.append(f'<text x="{LX + 31}" y="{LY + 40}">slope of the true value at small noise</text>')
out.append('</svg>')
open(sys.argv[2], "w").write("\n".join(out) + "\n")
