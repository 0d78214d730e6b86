package ibinit.report;

import ibinit.report.PlotAxes.Scale;
import ibinit.info.plane.InfoPlaneHistory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws an {@link InfoPlaneHistory} as the information-plane PNG of Shwartz-Ziv and Tishby:
 * x = I(X;T), y = I(T;Y), in bits; one line per layer through the recorded epochs (each layer its
 * own line colour and marker shape, named in the legend), every point filled with its epoch's
 * colour on a colour bar (viridis, on a log(1 + epoch) scale, since the epochs are log-spaced).
 * Dotted lines mark the ceilings H(X) and H(Y) when they are near the data. Same drawing style
 * as {@link ErrorCurvePlot}.
 */
public final class InfoPlanePlot {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 650;
    private static final int LEFT = 80, RIGHT = 300, TOP = 60, BOTTOM = 70;
    /** Viridis at 0, 1/4, 1/2, 3/4, 1; linear in between. */
    private static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x3b528b), new Color(0x21918c),
        new Color(0x5ec962), new Color(0xfde725)};

    /** A zoomed axis spans at least this fraction of its largest value... */
    static final double MIN_SPAN_FRACTION = 0.1;
    /** ...and at least this many bits. */
    static final double MIN_SPAN_BITS = 0.2;

    private InfoPlanePlot() { }

    /** Renders and writes atomically to {@code file} (a PNG) and beside it the SVG. */
    public static void write(InfoPlaneHistory h, Path file) {
        PlotCanvas.write(file, WIDTH, HEIGHT, g -> draw(g, h));
    }

    /** The same plot as SVG text. */
    public static String svg(InfoPlaneHistory h) {
        return PlotCanvas.svg(WIDTH, HEIGHT, g -> draw(g, h));
    }

    public static BufferedImage render(InfoPlaneHistory h) {
        return PlotCanvas.paint(WIDTH, HEIGHT, g -> draw(g, h));
    }

    private static void draw(Graphics2D g, InfoPlaneHistory h) {
        int pw = WIDTH - LEFT - RIGHT, ph = HEIGHT - TOP - BOTTOM;
        double[] xr = range(h, true), yr = range(h, false);
        Scale sx = new Scale(xr[0], xr[1], LEFT, LEFT + pw), sy = new Scale(yr[0], yr[1], TOP + ph, TOP);
        int lastEpoch = Math.max(1, h.lastEpoch());

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        centered(g, fit(g.getFontMetrics(), h.title(), WIDTH - 20), WIDTH / 2, 32);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.DARK_GRAY);
        centered(g, fit(g.getFontMetrics(), h.estimator(), WIDTH - 20), WIDTH / 2, 50);

        List<Double> yTicks = PlotAxes.ticks(yr[0], yr[1], 8), xTicks = PlotAxes.ticks(xr[0], xr[1], 10);
        PlotAxes.grid(g, sx, xTicks, PlotAxes.labels(xTicks), sy, yTicks, PlotAxes.labels(yTicks), LEFT, TOP, pw, ph);
        ceilings(g, h, sx, sy, xr, yr, pw, ph);
        PlotCanvas.frame(g, LEFT, TOP, pw, ph, HEIGHT, "I(X;T) (bits)", "I(T;Y) (bits)");

        List<InfoPlaneHistory.Snapshot> snaps = h.snapshots();
        java.awt.Shape clip = g.getClip();
        g.clipRect(LEFT, TOP, pw + 1, ph + 1);
        for (int l = 0; l < h.layers().size(); l++) {
            Path2D p = new Path2D.Double();
            boolean started = false;
            for (InfoPlaneHistory.Snapshot s : snaps) {
                if (!Double.isFinite(s.ixt()[l]) || !Double.isFinite(s.ity()[l])) continue;
                if (started) p.lineTo(sx.x(s.ixt()[l]), sy.x(s.ity()[l]));
                else p.moveTo(sx.x(s.ixt()[l]), sy.x(s.ity()[l]));
                started = true;
            }
            g.setColor(PlotAxes.PALETTE[l % PlotAxes.PALETTE.length]);
            g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(p);
        }
        for (int l = 0; l < h.layers().size(); l++) {
            for (InfoPlaneHistory.Snapshot s : snaps) {
                if (!Double.isFinite(s.ixt()[l]) || !Double.isFinite(s.ity()[l])) continue;
                Shape m = marker(l, sx.x(s.ixt()[l]), sy.x(s.ity()[l]), 5.5);
                g.setColor(epochColour(s.epoch(), lastEpoch));
                g.fill(m);
                g.setColor(new Color(0x333333));
                g.setStroke(new BasicStroke(0.8f));
                g.draw(m);
            }
        }
        g.setClip(clip);
        legend(g, h, LEFT + pw + 20, TOP);
        colourBar(g, lastEpoch, LEFT + pw + 200, TOP + 10, ph - 20);
    }

    /** Dotted lines at H(X) and H(Y) when they lie inside the drawn range. */
    private static void ceilings(Graphics2D g, InfoPlaneHistory h, Scale sx, Scale sy, double[] xr, double[] yr, int pw, int ph) {
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        g.setColor(new Color(0x999999));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        if (h.inputEntropy() <= xr[1]) {
            int x = sx.px(h.inputEntropy());
            g.drawLine(x, TOP, x, TOP + ph);
            g.drawString("H(X)", x - 30, TOP + 14);
        }
        if (h.labelEntropy() <= yr[1]) {
            int y = sy.px(h.labelEntropy());
            g.drawLine(LEFT, y, LEFT + pw, y);
            g.drawString("H(Y)", LEFT + 4, y - 4);
        }
    }

    private static void legend(Graphics2D g, InfoPlaneHistory h, int x, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        int row = 24;
        for (int l = 0; l < h.layers().size(); l++) {
            int yy = y + l * row + fm.getAscent() / 2 + 4;
            g.setColor(PlotAxes.PALETTE[l % PlotAxes.PALETTE.length]);
            g.setStroke(new BasicStroke(2.2f));
            g.drawLine(x, yy, x + 28, yy);
            Shape m = marker(l, x + 14, yy, 5.5);
            g.setColor(Color.WHITE);
            g.fill(m);
            g.setColor(new Color(0x333333));
            g.setStroke(new BasicStroke(1f));
            g.draw(m);
            g.setColor(Color.BLACK);
            g.drawString(fit(fm, h.layers().get(l), 130), x + 36, yy + fm.getAscent() / 2 - 1);
        }
    }

    private static void colourBar(Graphics2D g, int lastEpoch, int x, int y, int height) {
        int w = 18;
        for (int k = 0; k < height; k++) {
            double f = 1 - (double) k / (height - 1);
            g.setColor(viridis(f));
            g.fillRect(x, y + k, w, 1);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, w, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (int e : barTicks(lastEpoch)) {
            int yy = (int) Math.round(y + (1 - position(e, lastEpoch)) * height);
            g.drawLine(x + w, yy, x + w + 4, yy);
            g.drawString(String.valueOf(e), x + w + 7, yy + fm.getAscent() / 2 - 1);
        }
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        centered(r, "epoch", -(y + height / 2), x - 6);
        r.dispose();
    }

    /** 0, 1, 10, 100, ... up to the last epoch, and the last epoch (dropping a power of ten too close to it). */
    static List<Integer> barTicks(int lastEpoch) {
        java.util.List<Integer> out = new java.util.ArrayList<>(List.of(0));
        for (int e = 1; e < lastEpoch; e *= 10) if (position(e, lastEpoch) < 0.93) out.add(e);
        out.add(lastEpoch);
        return out;
    }

    /** Where epoch e sits on the colour scale, 0..1: log(1 + e) / log(1 + last). */
    static double position(int epoch, int lastEpoch) {
        return Math.log1p(Math.max(0, epoch)) / Math.log1p(Math.max(1, lastEpoch));
    }

    static Color epochColour(int epoch, int lastEpoch) { return viridis(position(epoch, lastEpoch)); }

    static Color viridis(double f) {
        double t = Math.max(0, Math.min(1, f)) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(t));
        double u = t - i;
        Color a = VIRIDIS[i], b = VIRIDIS[i + 1];
        return new Color((int) Math.round(a.getRed() + u * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + u * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + u * (b.getBlue() - a.getBlue())));
    }

    /** Circle, square, triangle, diamond, down-triangle, hexagon, then round again: a shape per layer. */
    private static Shape marker(int layer, double cx, double cy, double r) {
        return switch (layer % 6) {
            case 0 -> new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
            case 1 -> new Rectangle2D.Double(cx - r * 0.9, cy - r * 0.9, 1.8 * r, 1.8 * r);
            case 2 -> polygon(cx, cy, r * 1.2, new double[] {-90, 30, 150});
            case 3 -> polygon(cx, cy, r * 1.2, new double[] {-90, 0, 90, 180});
            case 4 -> polygon(cx, cy, r * 1.2, new double[] {90, 210, 330});
            default -> polygon(cx, cy, r * 1.1, new double[] {0, 60, 120, 180, 240, 300});
        };
    }

    private static Shape polygon(double cx, double cy, double r, double[] degrees) {
        Path2D p = new Path2D.Double();
        for (int k = 0; k < degrees.length; k++) {
            double a = Math.toRadians(degrees[k]);
            if (k == 0) p.moveTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            else p.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
        }
        p.closePath();
        return p;
    }

    /**
     * The axis range: from 0 to the largest finite value, padded by 5%; or, when every value lies
     * in the top three quarters (a trained network near its ceilings), from just below the
     * smallest, so that the changes stay visible; but never narrower than {@link #MIN_SPAN_FRACTION}
     * of the largest value (or {@link #MIN_SPAN_BITS}), so that a 0.02-bit wiggle does not fill the
     * plot. The ceiling H(X) or H(Y) is included when the data nearly reach it; 0..1 when there is
     * nothing to draw.
     */
    static double[] range(InfoPlaneHistory h, boolean x) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (InfoPlaneHistory.Snapshot s : h.snapshots()) {
            for (double v : x ? s.ixt() : s.ity()) {
                if (Double.isFinite(v)) {
                    hi = Math.max(hi, v);
                    lo = Math.min(lo, v);
                }
            }
        }
        if (!(hi > 0)) return new double[] {0, 1};
        double ceiling = x ? h.inputEntropy() : h.labelEntropy();
        if (ceiling > hi && ceiling <= hi * 1.15) hi = ceiling; // show the ceiling when the data nearly reach it
        double span = hi - lo;
        if (lo > 0.25 * hi) {
            double from = lo - 0.08 * span, to = hi + 0.05 * span;
            double minSpan = Math.max(MIN_SPAN_FRACTION * hi, MIN_SPAN_BITS);
            if (to - from < minSpan) {
                double mid = (from + to) / 2;
                from = mid - minSpan / 2;
                to = mid + minSpan / 2;
            }
            if (from > 0) return new double[] {from, to};
        }
        return new double[] {0, hi * 1.05};
    }

    private static String fit(FontMetrics fm, String s, int width) { return PlotCanvas.fit(fm, s, width); }

    private static void centered(Graphics2D g, String s, int cx, int baseline) { PlotCanvas.centered(g, s, cx, baseline); }
}
