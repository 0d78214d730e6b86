"""Line plots as SVG text for the results pages' figures, with no plotting library: one panel with
axes, ticks, a light grid, lines with markers and a legend; several panels side by side.
Used by ib/plot-noise-sweep.py and ibci/plot-scales.py (each puts this folder on sys.path)."""
import math

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]


class Panel:
    """One plot area. Axes are linear, or log10 when xlog / ylog; reverse_x puts large x on the left."""

    def __init__(self, width, height, x_range, y_range, xlog=False, ylog=False, reverse_x=False,
                 margins=(70, 20, 40, 60)):
        self.w, self.h = width, height
        self.left, self.right, self.top, self.bottom = margins
        self.xlog, self.ylog, self.reverse_x = xlog, ylog, reverse_x
        self.x0, self.x1 = (self._t(v, xlog) for v in x_range)
        self.y0, self.y1 = (self._t(v, ylog) for v in y_range)
        self.items = [f'<rect x="0" y="0" width="{width}" height="{height}" fill="white"/>']

    @staticmethod
    def _t(v, log):
        return math.log10(v) if log else v

    def px(self, x):
        f = (self._t(x, self.xlog) - self.x0) / (self.x1 - self.x0)
        if self.reverse_x:
            f = 1 - f
        return self.left + f * (self.w - self.left - self.right)

    def py(self, y):
        f = (self._t(y, self.ylog) - self.y0) / (self.y1 - self.y0)
        return self.h - self.bottom - f * (self.h - self.top - self.bottom)

    def axes(self, xticks, yticks, xlabel, ylabel, title=""):
        """xticks, yticks: [(value, label)]. Draws the frame, grid lines at the y ticks, labels and title."""
        l, r, t, b = self.left, self.w - self.right, self.top, self.h - self.bottom
        for v, label in xticks:
            x = self.px(v)
            self.items.append(f'<line x1="{x:.1f}" y1="{b}" x2="{x:.1f}" y2="{b + 5}" stroke="black"/>')
            self.items.append(f'<text x="{x:.1f}" y="{b + 18}" text-anchor="middle">{label}</text>')
        for v, label in yticks:
            y = self.py(v)
            self.items.append(f'<line x1="{l - 5}" y1="{y:.1f}" x2="{l}" y2="{y:.1f}" stroke="black"/>')
            self.items.append(f'<line x1="{l}" y1="{y:.1f}" x2="{r}" y2="{y:.1f}" stroke="#ddd"/>')
            self.items.append(f'<text x="{l - 8}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
        self.items.append(f'<rect x="{l}" y="{t}" width="{r - l}" height="{b - t}" fill="none" stroke="black"/>')
        self.items.append(f'<text x="{(l + r) / 2}" y="{self.h - 15}" text-anchor="middle">{xlabel}</text>')
        self.items.append(f'<text x="18" y="{(t + b) / 2}" text-anchor="middle" '
                          f'transform="rotate(-90 18 {(t + b) / 2})">{ylabel}</text>')
        if title:
            self.items.append(f'<text x="{l}" y="24">{title}</text>')

    def line(self, xs, ys, colour, dash=None, markers=True, width=2):
        pts = " ".join(f"{self.px(a):.1f},{self.py(b):.1f}" for a, b in zip(xs, ys))
        style = f' stroke-dasharray="{dash}"' if dash else ""
        self.items.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="{width}"{style}/>')
        if markers:
            for a, b in zip(xs, ys):
                self.items.append(f'<circle cx="{self.px(a):.1f}" cy="{self.py(b):.1f}" r="3.5" fill="{colour}"/>')

    def legend(self, entries, x, y):
        """entries: [(label, colour, dash or None)], one row each from (x, y) down."""
        for i, (label, colour, dash) in enumerate(entries):
            style = f' stroke-dasharray="{dash}"' if dash else ""
            yy = y + 18 * i
            self.items.append(f'<line x1="{x}" y1="{yy}" x2="{x + 25}" y2="{yy}" stroke="{colour}" stroke-width="2"{style}/>')
            self.items.append(f'<text x="{x + 31}" y="{yy + 4}">{label}</text>')

    def body(self):
        return "\n".join(self.items)


def svg(panels):
    """The panels side by side, as one SVG document."""
    width, height = sum(p.w for p in panels), max(p.h for p in panels)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">']
    x = 0
    for p in panels:
        out.append(f'<g transform="translate({x},0)">\n{p.body()}\n</g>')
        x += p.w
    out.append("</svg>")
    return "\n".join(out) + "\n"
