package ibinit.report;

import ibinit.report.PlotAxes.Scale;
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
 * Draws {@link ErrorCurves} with java.awt as PNG and SVG: one panel per architecture (up to three
 * side by side), in each one line per method with a translucent min..max band over seeds, axes
 * with ticks, a grid; one legend to the right (a method has the same colour in every panel) and a
 * title above, broken onto two lines when long.
 */
public final class ErrorCurvePlot {
    /** Size of a one-panel plot. */
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;
    private static final int HEADER = 70, LEGEND = 270;
    private static final int PANEL_LEFT = 80, PANEL_TOP = 28, PANEL_BOTTOM = 62, PANEL_GAP = 20;
    /** Below this span (percentage points) the y axis is widened around the data: a 0.02-point wiggle is not a trend. */
    static final double MIN_Y_SPAN = 2.0;

    private ErrorCurvePlot() { }

    /** Where the panels go: columns, rows, plot-area size, canvas size. */
    record Layout(int cols, int rows, int pw, int ph, int width, int height) {
        static Layout of(int panels) {
            if (panels <= 1) return new Layout(1, 1, WIDTH - PANEL_LEFT - LEGEND - PANEL_GAP, HEIGHT - HEADER - PANEL_TOP - PANEL_BOTTOM,
                    WIDTH, HEIGHT);
            int cols = panels <= 4 ? 2 : 3, rows = (panels + cols - 1) / cols;
            int pw = 360, ph = 240;
            return new Layout(cols, rows, pw, ph, cols * (PANEL_LEFT + pw + PANEL_GAP) + LEGEND,
                    HEADER + rows * (PANEL_TOP + ph + PANEL_BOTTOM));
        }

        int left(int panel) { return (panel % cols) * (PANEL_LEFT + pw + PANEL_GAP) + PANEL_LEFT; }

        int top(int panel) { return HEADER + (panel / cols) * (PANEL_TOP + ph + PANEL_BOTTOM) + PANEL_TOP; }
    }

    /**
     * Loads what drawing a plot needs (fonts, the text pipeline, the PNG encoder) so that the
     * plot at the end of a run comes ~0.1-0.2 s sooner; meant for a background thread at start-up,
     * while the data load keeps one core busy and the other idle. Safe to skip or to call twice.
     */
    public static void prepare() { PlotCanvas.warmUp(); }

    /** Renders and writes atomically to {@code file} (a PNG) and beside it the SVG. */
    public static void write(ErrorCurves curves, String title, Path file) {
        Layout l = Layout.of(curves.panels().size());
        PlotCanvas.write(file, l.width(), l.height(), g -> draw(g, curves, title, l));
    }

    public static BufferedImage render(ErrorCurves curves, String title) {
        Layout l = Layout.of(curves.panels().size());
        return PlotCanvas.paint(l.width(), l.height(), g -> draw(g, curves, title, l));
    }

    /** The same plot as SVG text. */
    public static String svg(ErrorCurves curves, String title) {
        Layout l = Layout.of(curves.panels().size());
        return PlotCanvas.svg(l.width(), l.height(), g -> draw(g, curves, title, l));
    }

    private static void draw(Graphics2D g, ErrorCurves curves, String title, Layout l) {
        g.setColor(Color.BLACK);
        PlotCanvas.title(g, title, l.width() / 2, 30, l.width() - 40, 18);
        double x0 = 1, x1 = Math.max(2, curves.epochs());
        for (int p = 0; p < curves.panels().size(); p++) {
            ErrorCurves.Panel panel = curves.panels().get(p);
            int left = l.left(p), top = l.top(p), pw = l.pw(), ph = l.ph();
            double[] yr = yRange(panel.curves());
            Scale sx = new Scale(x0, x1, left, left + pw);
            Scale sy = new Scale(yr[0], yr[1], top + ph, top);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            centered(g, PlotCanvas.fit(g.getFontMetrics(), panel.arch(), pw), left + pw / 2, top - 9);
            axes(g, sx, sy, yr, x0, x1, left, top, pw, ph);
            PlotCanvas.frame(g, left, top, pw, ph, "epoch", top + ph + 50, "test error (%)", left - 58);
            Graphics2D clipped = (Graphics2D) g.create();
            clipped.clipRect(left - 5, top - 5, pw + 11, ph + 11); // the plot area, with room for the markers at its edges
            // bands first, so every line stays on top of every band
            for (ErrorCurves.Curve c : panel.curves()) band(clipped, c, colour(curves, c), sx, sy);
            for (ErrorCurves.Curve c : panel.curves()) {
                line(clipped, c, colour(curves, c), stroke(curves, c), sx, sy, curves.epochs() <= 40);
            }
            clipped.dispose();
        }
        legend(g, curves, l.width() - LEGEND + 10, HEADER + PANEL_TOP);
    }

    private static void axes(Graphics2D g, Scale sx, Scale sy, double[] yr, double x0, double x1, int left, int top, int pw, int ph) {
        List<Double> xTicks = PlotAxes.ticks(x0, x1, pw > 500 ? 10 : 6).stream().filter(t -> t == Math.rint(t)).toList(); // whole epochs
        PlotAxes.grid(g, sx, xTicks, ErrorCurvePlot::label, sy, PlotAxes.ticks(yr[0], yr[1], ph > 300 ? 8 : 5), ErrorCurvePlot::label,
                left, top, pw, ph);
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

    private static void line(Graphics2D g, ErrorCurves.Curve c, Color col, BasicStroke stroke, Scale sx, Scale sy, boolean markers) {
        g.setColor(col);
        g.setStroke(stroke);
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
        g.drawString("band: min..max over seeds", x, y + row + fm.getAscent());
        for (int i = 0; i < curves.methods().size(); i++) {
            int yy = y + (i + 2) * row + 8;
            g.setColor(colour(i));
            g.setStroke(stroke(i));
            g.drawLine(x, yy + fm.getAscent() / 2, x + 30, yy + fm.getAscent() / 2);
            g.setColor(Color.BLACK);
            g.drawString(PlotCanvas.fit(fm, curves.methods().get(i), LEGEND - 60), x + 38, yy + fm.getAscent());
        }
    }

    private static Color colour(ErrorCurves curves, ErrorCurves.Curve c) { return colour(curves.methods().indexOf(c.label())); }

    private static BasicStroke stroke(ErrorCurves curves, ErrorCurves.Curve c) { return stroke(curves.methods().indexOf(c.label())); }

    private static Color colour(int i) { return PlotAxes.PALETTE[i % PlotAxes.PALETTE.length]; }

    /** Solid for the first ten methods; past ten, colours repeat with a dashed, then a dotted line. */
    private static BasicStroke stroke(int i) {
        float[] dash = switch (i / PlotAxes.PALETTE.length) {
            case 0 -> null;
            case 1 -> new float[] {9, 5};
            default -> new float[] {2, 4};
        };
        return new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /**
     * [lo, hi] over every band and mean, padded by 5%; at least {@link #MIN_Y_SPAN} points wide
     * (centred on the data, kept inside 0..100), so that a tiny change does not fill the plot.
     */
    static double[] yRange(List<ErrorCurves.Curve> curves) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (ErrorCurves.Curve c : curves) {
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
        double pad = (hi - lo) * 0.05;
        lo -= pad;
        hi += pad;
        if (hi - lo < MIN_Y_SPAN) {
            double mid = (lo + hi) / 2;
            lo = mid - MIN_Y_SPAN / 2;
            hi = mid + MIN_Y_SPAN / 2;
        }
        if (lo < 0) { hi = Math.min(100, hi - lo); lo = 0; }
        if (hi > 100) { lo = Math.max(0, lo - (hi - 100)); hi = 100; }
        return new double[] {lo, hi};
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
}
