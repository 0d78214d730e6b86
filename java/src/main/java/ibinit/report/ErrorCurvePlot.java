package ibinit.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws {@link ErrorCurves} as a PNG with java.awt (headless): one line per curve with a
 * translucent min..max band, axes with ticks and labels, a grid, a legend to the right, a title.
 */
public final class ErrorCurvePlot {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;
    private static final int LEFT = 80, RIGHT = 290, TOP = 60, BOTTOM = 70;
    /** Matplotlib's "tab10": distinct, readable on white. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private ErrorCurvePlot() { }

    /** Renders and writes atomically to {@code file}. */
    public static void write(ErrorCurves curves, String title, Path file) {
        PlotCanvas.writePng(render(curves, title), file);
    }

    public static BufferedImage render(ErrorCurves curves, String title) {
        return PlotCanvas.paint(WIDTH, HEIGHT, g -> draw(g, curves, title));
    }

    private static void draw(Graphics2D g, ErrorCurves curves, String title) {
        int pw = WIDTH - LEFT - RIGHT, ph = HEIGHT - TOP - BOTTOM;
        double[] yr = yRange(curves);
        double x0 = 1, x1 = Math.max(2, curves.epochs());
        Scale sx = new Scale(x0, x1, LEFT, LEFT + pw);
        Scale sy = new Scale(yr[0], yr[1], TOP + ph, TOP);

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        String shown = fit(g.getFontMetrics(), title, WIDTH - 20);
        int tw = g.getFontMetrics().stringWidth(shown);
        // over the plot area when it fits there, else over the whole image
        centered(g, shown, tw <= pw ? LEFT + pw / 2 : WIDTH / 2, 35);

        // grid, ticks and tick labels
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        for (double t : ticks(yr[0], yr[1], 8)) {
            int y = sy.px(t);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(LEFT, y, LEFT + pw, y);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(LEFT - 5, y, LEFT, y);
            String s = label(t);
            g.drawString(s, LEFT - 8 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
        }
        for (double t : ticks(x0, x1, 10)) {
            if (t != Math.rint(t)) continue; // epochs are whole numbers
            int x = sx.px(t);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(x, TOP, x, TOP + ph);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(x, TOP + ph, x, TOP + ph + 5);
            centered(g, label(t), x, TOP + ph + 8 + fm.getAscent());
        }
        PlotCanvas.frame(g, LEFT, TOP, pw, ph, HEIGHT, "epoch", "test error (%)");

        // bands first, so every line stays on top of every band
        for (int i = 0; i < curves.curves().size(); i++) band(g, curves.curves().get(i), colour(i), sx, sy);
        for (int i = 0; i < curves.curves().size(); i++) line(g, curves.curves().get(i), colour(i), sx, sy, curves.epochs() <= 40);
        legend(g, curves, LEFT + pw + 20, TOP);
    }

    private static void band(Graphics2D g, ErrorCurves.Curve c, Color col, Scale sx, Scale sy) {
        // One polygon per run of epochs where the band exists (seeds may stop early when a run diverges).
        for (int[] seg : segments(c.min())) {
            if (seg[1] - seg[0] < 1) continue;
            Path2D p = new Path2D.Double();
            for (int i = seg[0]; i <= seg[1]; i++) {
                if (i == seg[0]) p.moveTo(sx.x(i + 1), sy.x(c.max()[i]));
                else p.lineTo(sx.x(i + 1), sy.x(c.max()[i]));
            }
            for (int i = seg[1]; i >= seg[0]; i--) p.lineTo(sx.x(i + 1), sy.x(c.min()[i]));
            p.closePath();
            g.setColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 45));
            g.fill(p);
        }
    }

    private static void line(Graphics2D g, ErrorCurves.Curve c, Color col, Scale sx, Scale sy, boolean markers) {
        g.setColor(col);
        g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int[] seg : segments(c.mean())) {
            Path2D p = new Path2D.Double();
            for (int i = seg[0]; i <= seg[1]; i++) {
                if (i == seg[0]) p.moveTo(sx.x(i + 1), sy.x(c.mean()[i]));
                else p.lineTo(sx.x(i + 1), sy.x(c.mean()[i]));
            }
            g.draw(p);
            if (markers || seg[0] == seg[1]) {
                for (int i = seg[0]; i <= seg[1]; i++) g.fillOval(sx.px(i + 1) - 3, sy.px(c.mean()[i]) - 3, 7, 7);
            }
        }
    }

    private static void legend(Graphics2D g, ErrorCurves curves, int x, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        int row = 22;
        g.setColor(Color.BLACK);
        g.drawString("line: mean over seeds", x, y + fm.getAscent());
        g.drawString("band: min..max", x, y + row + fm.getAscent());
        for (int i = 0; i < curves.curves().size(); i++) {
            int yy = y + (i + 2) * row + 8;
            g.setColor(colour(i));
            g.setStroke(new BasicStroke(3f));
            g.drawLine(x, yy + fm.getAscent() / 2, x + 26, yy + fm.getAscent() / 2);
            g.setColor(Color.BLACK);
            g.drawString(fit(fm, curves.curves().get(i).label(), RIGHT - 50), x + 34, yy + fm.getAscent());
        }
    }

    private static String fit(FontMetrics fm, String s, int width) {
        if (fm.stringWidth(s) <= width) return s;
        while (s.length() > 1 && fm.stringWidth(s + "…") > width) s = s.substring(0, s.length() - 1);
        return s + "…";
    }

    private static Color colour(int i) {
        Color c = PALETTE[i % PALETTE.length];
        return i < PALETTE.length ? c : c.darker(); // past ten curves, darker shades keep them apart
    }

    /** [lo, hi] over every band and mean, padded by 5%; a flat or empty plot gets a range of 1. */
    static double[] yRange(ErrorCurves curves) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (ErrorCurves.Curve c : curves.curves()) {
            for (double[] a : new double[][] {c.min(), c.max(), c.mean()}) {
                for (double v : a) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (lo > hi) return new double[] {0, 100};
        double pad = Math.max((hi - lo) * 0.05, 0.5);
        return new double[] {Math.max(0, lo - pad), Math.min(100, hi + pad)};
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

    private static String label(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }

    /** Index ranges [from, to] where {@code v} is finite. */
    private static List<int[]> segments(double[] v) {
        List<int[]> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= v.length; i++) {
            boolean ok = i < v.length && Double.isFinite(v[i]);
            if (ok && start < 0) start = i;
            if (!ok && start >= 0) {
                out.add(new int[] {start, i - 1});
                start = -1;
            }
        }
        return out;
    }

    private static void centered(Graphics2D g, String s, int cx, int baseline) { PlotCanvas.centered(g, s, cx, baseline); }

    /** Data value to pixel, linear. */
    private record Scale(double lo, double hi, double from, double to) {
        double x(double v) { return from + (v - lo) / (hi - lo) * (to - from); }

        int px(double v) { return (int) Math.round(x(v)); }
    }
}
