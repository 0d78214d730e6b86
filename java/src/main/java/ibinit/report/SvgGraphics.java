package ibinit.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Graphics2D} that records what the plots paint as SVG elements, so one drawing routine
 * gives both the PNG and a vector SVG. It covers what ibinit's plots use: lines, shapes (stroked
 * and filled, any {@link BasicStroke} with dashes), solid colours with alpha, text in any font and
 * rotation, transforms, and rectangular clips. Shapes are written in device coordinates (the
 * transform applied); text keeps its rotation as an SVG transform. Images, gradients and XOR mode
 * are not supported (they throw), so a plot that starts using them fails its test instead of
 * silently losing content. Font metrics come from an offscreen image, as the PNG's do.
 */
final class SvgGraphics extends Graphics2D {
    /** Everything painted so far by this object and every {@link #create()} copy. */
    private final StringBuilder body;
    private final int[] clipIds;
    private final Graphics2D metrics;
    private Color color = Color.BLACK;
    private Color background = Color.WHITE;
    private Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private Stroke stroke = new BasicStroke();
    private AffineTransform transform = new AffineTransform();
    private Rectangle2D clip;
    private String clipRef = "";
    private final RenderingHints hints = new RenderingHints(null);

    SvgGraphics() {
        this(new StringBuilder(), new int[1], new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics());
        metrics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    private SvgGraphics(StringBuilder body, int[] clipIds, Graphics2D metrics) {
        this.body = body;
        this.clipIds = clipIds;
        this.metrics = metrics;
    }

    /** The whole document, {@code width} x {@code height} pixels, with what was painted. */
    String document(int width, int height) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
                + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\">\n" + body + "</svg>\n";
    }

    // ---- painting ----

    @Override public void draw(Shape s) {
        if (!(stroke instanceof BasicStroke b)) throw new UnsupportedOperationException("SVG: only BasicStroke");
        StringBuilder e = new StringBuilder("<path d=\"").append(path(s)).append("\" fill=\"none\"");
        paintAttributes(e, "stroke");
        e.append(" stroke-width=\"").append(num(b.getLineWidth() * scale())).append('"');
        e.append(" stroke-linecap=\"").append(switch (b.getEndCap()) {
            case BasicStroke.CAP_ROUND -> "round";
            case BasicStroke.CAP_SQUARE -> "square";
            default -> "butt";
        }).append('"');
        e.append(" stroke-linejoin=\"").append(switch (b.getLineJoin()) {
            case BasicStroke.JOIN_ROUND -> "round";
            case BasicStroke.JOIN_BEVEL -> "bevel";
            default -> "miter";
        }).append('"');
        if (b.getDashArray() != null) {
            StringBuilder d = new StringBuilder();
            for (float f : b.getDashArray()) d.append(d.isEmpty() ? "" : ",").append(num(f * scale()));
            e.append(" stroke-dasharray=\"").append(d).append('"');
        }
        element(e);
    }

    @Override public void fill(Shape s) {
        StringBuilder e = new StringBuilder("<path d=\"").append(path(s)).append('"');
        paintAttributes(e, "fill");
        element(e);
    }

    @Override public void drawString(String str, float x, float y) {
        if (str.isEmpty()) return;
        double[] at = {x, y};
        transform.transform(at, 0, at, 0, 1);
        double degrees = Math.toDegrees(Math.atan2(transform.getShearY(), transform.getScaleX()));
        StringBuilder e = new StringBuilder("<text x=\"").append(num(at[0])).append("\" y=\"").append(num(at[1])).append('"');
        if (Math.abs(degrees) > 1e-9) {
            e.append(" transform=\"rotate(").append(num(degrees)).append(' ').append(num(at[0])).append(' ').append(num(at[1])).append(")\"");
        }
        e.append(" font-family=\"").append(family(font)).append("\" font-size=\"").append(num(font.getSize2D() * scale())).append('"');
        if (font.isBold()) e.append(" font-weight=\"bold\"");
        if (font.isItalic()) e.append(" font-style=\"italic\"");
        e.append(" xml:space=\"preserve\"");
        paintAttributes(e, "fill");
        body.append(e).append(clipRef).append('>').append(escape(str)).append("</text>\n");
    }

    @Override public void drawString(String str, int x, int y) { drawString(str, (float) x, (float) y); }

    @Override public void drawLine(int x1, int y1, int x2, int y2) { draw(new Line2D.Double(x1, y1, x2, y2)); }

    @Override public void fillRect(int x, int y, int w, int h) { fill(new Rectangle(x, y, w, h)); }

    @Override public void drawRect(int x, int y, int w, int h) { draw(new Rectangle(x, y, w, h)); }

    @Override public void clearRect(int x, int y, int w, int h) {
        Color c = color;
        setColor(background);
        fillRect(x, y, w, h);
        setColor(c);
    }

    @Override public void drawRoundRect(int x, int y, int w, int h, int aw, int ah) { draw(new RoundRectangle2D.Double(x, y, w, h, aw, ah)); }

    @Override public void fillRoundRect(int x, int y, int w, int h, int aw, int ah) { fill(new RoundRectangle2D.Double(x, y, w, h, aw, ah)); }

    @Override public void drawOval(int x, int y, int w, int h) { draw(new Ellipse2D.Double(x, y, w, h)); }

    @Override public void fillOval(int x, int y, int w, int h) { fill(new Ellipse2D.Double(x, y, w, h)); }

    @Override public void drawArc(int x, int y, int w, int h, int start, int extent) { draw(new Arc2D.Double(x, y, w, h, start, extent, Arc2D.OPEN)); }

    @Override public void fillArc(int x, int y, int w, int h, int start, int extent) { fill(new Arc2D.Double(x, y, w, h, start, extent, Arc2D.PIE)); }

    @Override public void drawPolyline(int[] xs, int[] ys, int n) {
        java.awt.geom.Path2D p = new java.awt.geom.Path2D.Double();
        for (int i = 0; i < n; i++) {
            if (i == 0) p.moveTo(xs[i], ys[i]);
            else p.lineTo(xs[i], ys[i]);
        }
        draw(p);
    }

    @Override public void drawPolygon(int[] xs, int[] ys, int n) { draw(new java.awt.Polygon(xs, ys, n)); }

    @Override public void fillPolygon(int[] xs, int[] ys, int n) { fill(new java.awt.Polygon(xs, ys, n)); }

    // ---- state ----

    @Override public Graphics create() {
        SvgGraphics g = new SvgGraphics(body, clipIds, metrics);
        g.color = color;
        g.background = background;
        g.font = font;
        g.stroke = stroke;
        g.transform = new AffineTransform(transform);
        g.clip = clip;
        g.clipRef = clipRef;
        g.hints.putAll(hints);
        return g;
    }

    @Override public void dispose() { }

    @Override public Color getColor() { return color; }

    @Override public void setColor(Color c) { if (c != null) color = c; }

    @Override public void setPaint(Paint p) {
        if (p instanceof Color c) color = c;
        else if (p != null) throw new UnsupportedOperationException("SVG: only solid colours");
    }

    @Override public Paint getPaint() { return color; }

    @Override public Font getFont() { return font; }

    @Override public void setFont(Font f) { if (f != null) font = f; }

    @Override public FontMetrics getFontMetrics(Font f) { return metrics.getFontMetrics(f); }

    @Override public FontRenderContext getFontRenderContext() { return metrics.getFontRenderContext(); }

    @Override public void setStroke(Stroke s) { stroke = s; }

    @Override public Stroke getStroke() { return stroke; }

    @Override public void setBackground(Color c) { background = c; }

    @Override public Color getBackground() { return background; }

    @Override public void setRenderingHint(RenderingHints.Key k, Object v) { hints.put(k, v); }

    @Override public Object getRenderingHint(RenderingHints.Key k) { return hints.get(k); }

    @Override public void setRenderingHints(Map<?, ?> m) { hints.clear(); hints.putAll(m); }

    @Override public void addRenderingHints(Map<?, ?> m) { hints.putAll(m); }

    @Override public RenderingHints getRenderingHints() { return (RenderingHints) hints.clone(); }

    @Override public void translate(int x, int y) { transform.translate(x, y); }

    @Override public void translate(double x, double y) { transform.translate(x, y); }

    @Override public void rotate(double theta) { transform.rotate(theta); }

    @Override public void rotate(double theta, double x, double y) { transform.rotate(theta, x, y); }

    @Override public void scale(double sx, double sy) { transform.scale(sx, sy); }

    @Override public void shear(double shx, double shy) { transform.shear(shx, shy); }

    @Override public void transform(AffineTransform t) { transform.concatenate(t); }

    @Override public void setTransform(AffineTransform t) { transform = new AffineTransform(t); }

    @Override public AffineTransform getTransform() { return new AffineTransform(transform); }

    @Override public void setComposite(Composite c) {
        if (c != java.awt.AlphaComposite.SrcOver) throw new UnsupportedOperationException("SVG: only source-over compositing");
    }

    @Override public Composite getComposite() { return java.awt.AlphaComposite.SrcOver; }

    @Override public void setPaintMode() { }

    @Override public void setXORMode(Color c) { throw new UnsupportedOperationException("SVG: no XOR mode"); }

    @Override public GraphicsConfiguration getDeviceConfiguration() { return metrics.getDeviceConfiguration(); }

    // ---- clipping (rectangles, in device space) ----

    @Override public void clip(Shape s) {
        if (s == null) { setClip(null); return; }
        Rectangle2D r = transform.createTransformedShape(s).getBounds2D();
        setDeviceClip(clip == null ? r : clip.createIntersection(r));
    }

    @Override public void clipRect(int x, int y, int w, int h) { clip(new Rectangle(x, y, w, h)); }

    @Override public void setClip(int x, int y, int w, int h) { setClip(new Rectangle(x, y, w, h)); }

    @Override public void setClip(Shape s) { setDeviceClip(s == null ? null : transform.createTransformedShape(s).getBounds2D()); }

    @Override public Shape getClip() {
        if (clip == null) return null;
        try {
            return transform.createInverse().createTransformedShape(clip);
        } catch (java.awt.geom.NoninvertibleTransformException e) {
            return null;
        }
    }

    @Override public Rectangle getClipBounds() { Shape c = getClip(); return c == null ? null : c.getBounds(); }

    @Override public boolean hit(Rectangle rect, Shape s, boolean onStroke) {
        Shape shape = onStroke ? stroke.createStrokedShape(s) : s;
        return transform.createTransformedShape(shape).intersects(rect);
    }

    private void setDeviceClip(Rectangle2D r) {
        clip = r;
        if (r == null) {
            clipRef = "";
            return;
        }
        String id = "clip" + (++clipIds[0]);
        body.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(num(r.getX())).append("\" y=\"").append(num(r.getY()))
                .append("\" width=\"").append(num(r.getWidth())).append("\" height=\"").append(num(r.getHeight())).append("\"/></clipPath>\n");
        clipRef = " clip-path=\"url(#" + id + ")\"";
    }

    // ---- not used by ibinit's plots ----

    @Override public void drawString(AttributedCharacterIterator it, int x, int y) { throw unsupported("attributed text"); }

    @Override public void drawString(AttributedCharacterIterator it, float x, float y) { throw unsupported("attributed text"); }

    @Override public void drawGlyphVector(GlyphVector g, float x, float y) { fill(g.getOutline(x, y)); }

    @Override public void copyArea(int x, int y, int w, int h, int dx, int dy) { throw unsupported("copyArea"); }

    @Override public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) { throw unsupported("images"); }

    @Override public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) { throw unsupported("images"); }

    @Override public void drawRenderedImage(RenderedImage img, AffineTransform xform) { throw unsupported("images"); }

    @Override public void drawRenderableImage(RenderableImage img, AffineTransform xform) { throw unsupported("images"); }

    @Override public boolean drawImage(Image img, int x, int y, ImageObserver o) { throw unsupported("images"); }

    @Override public boolean drawImage(Image img, int x, int y, int w, int h, ImageObserver o) { throw unsupported("images"); }

    @Override public boolean drawImage(Image img, int x, int y, Color bg, ImageObserver o) { throw unsupported("images"); }

    @Override public boolean drawImage(Image img, int x, int y, int w, int h, Color bg, ImageObserver o) { throw unsupported("images"); }

    @Override public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2, ImageObserver o) {
        throw unsupported("images");
    }

    @Override public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2, Color bg,
                                       ImageObserver o) {
        throw unsupported("images");
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("SVG: " + what + " are not supported");
    }

    // ---- output helpers ----

    private void element(StringBuilder e) { body.append(e).append(clipRef).append("/>\n"); }

    private void paintAttributes(StringBuilder e, String attribute) {
        e.append(' ').append(attribute).append("=\"#").append(String.format(Locale.ROOT, "%06x", color.getRGB() & 0xffffff)).append('"');
        if (color.getAlpha() < 255) e.append(' ').append(attribute).append("-opacity=\"").append(num(color.getAlpha() / 255.0)).append('"');
    }

    /** The shape's outline in device coordinates as SVG path data. */
    private String path(Shape s) {
        StringBuilder d = new StringBuilder();
        double[] c = new double[6];
        for (PathIterator it = s.getPathIterator(transform); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            switch (type) {
                case PathIterator.SEG_MOVETO -> d.append('M').append(num(c[0])).append(' ').append(num(c[1]));
                case PathIterator.SEG_LINETO -> d.append('L').append(num(c[0])).append(' ').append(num(c[1]));
                case PathIterator.SEG_QUADTO -> d.append('Q').append(num(c[0])).append(' ').append(num(c[1])).append(' ')
                        .append(num(c[2])).append(' ').append(num(c[3]));
                case PathIterator.SEG_CUBICTO -> d.append('C').append(num(c[0])).append(' ').append(num(c[1])).append(' ')
                        .append(num(c[2])).append(' ').append(num(c[3])).append(' ').append(num(c[4])).append(' ').append(num(c[5]));
                default -> d.append('Z');
            }
        }
        return d.toString();
    }

    /** How much the transform scales lengths (line widths, font sizes). */
    private double scale() { return Math.sqrt(Math.abs(transform.getDeterminant())); }

    private static String family(Font f) {
        return switch (f.getFamily()) {
            case Font.SANS_SERIF -> "sans-serif";
            case Font.SERIF -> "serif";
            case Font.MONOSPACED -> "monospace";
            default -> escape(f.getFamily()) + ", sans-serif";
        };
    }

    /** Two decimals, no trailing zeros, never exponent notation. */
    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(ch < 0x20 && ch != '\t' ? ' ' : ch);
            }
        }
        return out.toString();
    }
}
