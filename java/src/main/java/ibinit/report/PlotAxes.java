package ibinit.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** What every plot here shares: the palette, linear scales, "nice" ticks and their labels, and the light grid behind the data. */
final class PlotAxes {
    /** Matplotlib's "tab10": distinct, readable on white. */
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
    private static final Color GRID = new Color(0xe6e6e6);

    private PlotAxes() { }

    /** Data value to pixel, linear: [lo, hi] onto [from, to] (to < from for a y axis, which grows upwards). */
    record Scale(double lo, double hi, double from, double to) {
        double x(double v) { return from + (v - lo) / (hi - lo) * (to - from); }

        int px(double v) { return (int) Math.round(x(v)); }
    }

    /** "Nice" tick values (1, 2 or 5 times a power of ten) covering [lo, hi] with about {@code count} ticks. */
    static List<Double> ticks(double lo, double hi, int count) {
        double raw = (hi - lo) / Math.max(1, count);
        int p = (int) Math.floor(Math.log10(raw));
        double r = raw / Math.pow(10, p);
        int mult = r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10;
        // tick k is k*mult*10^p, computed from exact integers and an exact power of ten (no drift from repeated adds)
        double unit = Math.pow(10, Math.abs(p));
        List<Double> out = new ArrayList<>();
        for (long k = (long) Math.ceil(lo / (mult * Math.pow(10, p)) - 1e-9); ; k++) {
            double t = p < 0 ? k * mult / unit : k * mult * unit;
            if (t > hi + 1e-9 * Math.abs(hi)) break;
            out.add(t == 0 ? 0.0 : t);
        }
        return out;
    }

    /** A tick label with as many decimals as the tick spacing needs (0.002 apart: 3), so neighbours never print alike. */
    static String label(double v, List<Double> ticks) {
        double step = ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : 1;
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        if (Math.abs(v) >= 1e6 || (v != 0 && Math.abs(v) < 1e-4)) return String.format(Locale.ROOT, "%.3g", v);
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** The labels {@link #label(double, List)} gives each of {@code ticks}. */
    static DoubleFunction<String> labels(List<Double> ticks) { return v -> label(v, ticks); }

    /**
     * Grid lines, tick marks and tick labels of the plot area whose top-left corner is (left, top),
     * {@code pw} x {@code ph} pixels. Fonts: 13 pt plain, dark grey labels.
     */
    static void grid(Graphics2D g, Scale sx, List<Double> xTicks, DoubleFunction<String> xLabel,
                     Scale sy, List<Double> yTicks, DoubleFunction<String> yLabel, int left, int top, int pw, int ph) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (double t : yTicks) {
            int y = sy.px(t);
            g.setColor(GRID);
            g.drawLine(left, y, left + pw, y);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(left - 5, y, left, y);
            String s = yLabel.apply(t);
            g.drawString(s, left - 8 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
        }
        for (double t : xTicks) {
            int x = sx.px(t);
            g.setColor(GRID);
            g.drawLine(x, top, x, top + ph);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(x, top + ph, x, top + ph + 5);
            PlotCanvas.centered(g, xLabel.apply(t), x, top + ph + 8 + fm.getAscent());
        }
    }
}
