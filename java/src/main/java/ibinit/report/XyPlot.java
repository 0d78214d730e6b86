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
import java.util.List;

/**
 * A general x-y plot in the style of {@link ErrorCurvePlot}: each series a line (with an optional
 * lo..hi band) or a cloud of points, a legend to the right, a title; several plots can be laid
 * out as panels of one PNG ({@link #writePanels}).
 *
 * @param xRange, yRange [lo, hi], or null to fit the data (padded by 5%)
 */
public record XyPlot(String title, String xLabel, String yLabel, List<Series> series, double[] xRange, double[] yRange) {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;
    private static final int LEFT = 80, RIGHT = 230, TOP = 55, BOTTOM = 70;

    /** How a series is drawn. */
    public enum Style { LINE, THIN_LINE, POINTS }

    /**
     * @param lo, hi the band around y (both null for none)
     * @param colour index into the palette, or -1 for black
     */
    public record Series(String label, double[] x, double[] y, double[] lo, double[] hi, Style style, int colour) {
        public static Series line(String label, double[] x, double[] y, int colour) {
            return new Series(label, x, y, null, null, Style.LINE, colour);
        }

        public static Series band(String label, double[] x, double[] y, double[] lo, double[] hi, int colour) {
            return new Series(label, x, y, lo, hi, Style.LINE, colour);
        }
    }

    public XyPlot(String title, String xLabel, String yLabel, List<Series> series) {
        this(title, xLabel, yLabel, series, null, null);
    }

    public void write(Path file) { PlotCanvas.writePng(render(), file); }

    public BufferedImage render() { return PlotCanvas.paint(WIDTH, HEIGHT, this::draw); }

    /** Several plots as panels of one PNG, {@code columns} to a row. */
    public static void writePanels(List<XyPlot> plots, int columns, Path file) {
        int rows = (plots.size() + columns - 1) / columns;
        PlotCanvas.writePng(PlotCanvas.paint(columns * WIDTH, rows * HEIGHT, g -> {
            for (int i = 0; i < plots.size(); i++) g.drawImage(plots.get(i).render(), (i % columns) * WIDTH, (i / columns) * HEIGHT, null);
        }), file);
    }

    private void draw(Graphics2D g) {
        int pw = WIDTH - LEFT - RIGHT, ph = HEIGHT - TOP - BOTTOM;
        double[] xr = xRange != null ? xRange : range(true), yr = yRange != null ? yRange : range(false);
        Scale sx = new Scale(xr[0], xr[1], LEFT, LEFT + pw), sy = new Scale(yr[0], yr[1], TOP + ph, TOP);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        PlotCanvas.centered(g, title, WIDTH / 2, 32);
        List<Double> yTicks = PlotAxes.ticks(yr[0], yr[1], 8), xTicks = PlotAxes.ticks(xr[0], xr[1], 8);
        PlotAxes.grid(g, sx, xTicks, PlotAxes.labels(xTicks), sy, yTicks, PlotAxes.labels(yTicks), LEFT, TOP, pw, ph);
        PlotCanvas.frame(g, LEFT, TOP, pw, ph, HEIGHT, xLabel, yLabel);
        g.setClip(LEFT, TOP, pw + 1, ph + 1);
        for (Series s : series) if (s.lo() != null) band(g, s, sx, sy);
        for (Series s : series) {
            g.setColor(colour(s.colour()));
            if (s.style() == Style.POINTS) {
                for (int i = 0; i < s.x().length; i++) {
                    if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) g.fillOval(sx.px(s.x()[i]) - 2, sy.px(s.y()[i]) - 2, 5, 5);
                }
            } else {
                g.setStroke(new BasicStroke(s.style() == Style.LINE ? 2.2f : 1.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                Path2D p = new Path2D.Double();
                boolean open = false;
                for (int i = 0; i < s.x().length; i++) {
                    if (!Double.isFinite(s.x()[i]) || !Double.isFinite(s.y()[i])) {
                        open = false;
                        continue;
                    }
                    if (open) p.lineTo(sx.x(s.x()[i]), sy.x(s.y()[i]));
                    else p.moveTo(sx.x(s.x()[i]), sy.x(s.y()[i]));
                    open = true;
                }
                g.draw(p);
            }
        }
        g.setClip(null);
        legend(g, LEFT + pw + 18, TOP);
    }

    private static void band(Graphics2D g, Series s, Scale sx, Scale sy) {
        Path2D p = new Path2D.Double();
        int n = s.x().length;
        for (int i = 0; i < n; i++) {
            if (i == 0) p.moveTo(sx.x(s.x()[i]), sy.x(s.hi()[i]));
            else p.lineTo(sx.x(s.x()[i]), sy.x(s.hi()[i]));
        }
        for (int i = n - 1; i >= 0; i--) p.lineTo(sx.x(s.x()[i]), sy.x(s.lo()[i]));
        p.closePath();
        Color c = colour(s.colour());
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 45));
        g.fill(p);
    }

    private void legend(Graphics2D g, int x, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        int row = 0;
        String last = null;
        for (Series s : series) {
            if (s.label() == null || s.label().isEmpty() || s.label().equals(last)) continue;
            last = s.label();
            int yy = y + row++ * 22;
            g.setColor(colour(s.colour()));
            if (s.style() == Style.POINTS) g.fillOval(x + 9, yy + fm.getAscent() / 2 - 3, 7, 7);
            else {
                g.setStroke(new BasicStroke(3f));
                g.drawLine(x, yy + fm.getAscent() / 2, x + 26, yy + fm.getAscent() / 2);
            }
            g.setColor(Color.BLACK);
            g.drawString(s.label(), x + 34, yy + fm.getAscent());
        }
    }

    private static Color colour(int i) { return i < 0 ? Color.BLACK : PlotAxes.PALETTE[i % PlotAxes.PALETTE.length]; }

    private double[] range(boolean x) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double[] a : x ? new double[][] {s.x()} : new double[][] {s.y(), s.lo(), s.hi()}) {
                if (a == null) continue;
                for (double v : a) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (lo > hi) return new double[] {0, 1};
        // a flat series gets a visible range around it rather than ticks that all print alike
        double pad = hi - lo > 1e-6 * (Math.abs(hi) + 1) ? (hi - lo) * 0.05 : 0.05 * (Math.abs(hi) + 1);
        return new double[] {lo - pad, hi + pad};
    }
}
