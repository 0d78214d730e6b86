package ibinit.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * What every ibinit plot shares: a white antialiased canvas, the plot frame and axis labels, a
 * title that fits, and output as PNG plus SVG (vector, for papers) from the same drawing code.
 */
final class PlotCanvas {
    private PlotCanvas() { }

    /** A white canvas of the given size, painted by {@code draw}. */
    static BufferedImage paint(int width, int height, Consumer<Graphics2D> draw) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            paintOn(g, width, height, draw);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The same picture as SVG text. */
    static String svg(int width, int height, Consumer<Graphics2D> draw) {
        SvgGraphics g = new SvgGraphics();
        paintOn(g, width, height, draw);
        return g.document(width, height);
    }

    /** Writes {@code png} and, beside it, the same plot as {@code .svg}; each atomically. */
    static void write(Path png, int width, int height, Consumer<Graphics2D> draw) {
        writePng(paint(width, height, draw), png);
        AtomicFiles.write(svgPath(png), svg(width, height, draw));
    }

    /** {@code plot.png} -> {@code plot.svg} (any other name gets {@code .svg} appended). */
    static Path svgPath(Path png) {
        String name = png.getFileName().toString();
        String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        return png.resolveSibling(base + ".svg");
    }

    private static void paintOn(Graphics2D g, int width, int height, Consumer<Graphics2D> draw) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        draw.accept(g);
    }

    /**
     * Draws antialiased text in the plots' fonts on a small canvas and encodes it as PNG, in memory:
     * the first plot of a process spends ~0.1-0.2 s loading fonts, the text pipeline and the PNG
     * encoder, which this does ahead (see {@link ErrorCurvePlot#prepare}).
     */
    static void warmUp() {
        BufferedImage img = paint(64, 32, g -> {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString("0.5%", 2, 14);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString("epoch", 2, 28);
            g.setStroke(new BasicStroke(1.5f));
            g.drawLine(0, 0, 63, 31);
        });
        try {
            ImageIO.setUseCache(false);
            ImageIO.write(img, "png", new ByteArrayOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes as PNG and writes atomically to {@code file}. */
    static void writePng(BufferedImage img, Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // ImageIO's default disk cache registers a JVM shutdown hook per stream, which throws while a
        // Ctrl-C shutdown is saving results; the image is small, so cache in memory.
        ImageIO.setUseCache(false);
        try {
            if (!ImageIO.write(img, "png", bytes)) throw new IOException("no PNG writer in this JVM");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + file + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    /** The black frame of the plot area and the two axis labels (the y label rotated). */
    static void frame(Graphics2D g, int left, int top, int pw, int ph, int height, String xLabel, String yLabel) {
        frame(g, left, top, pw, ph, xLabel, height - 22, yLabel, 24);
    }

    /** The frame, the x label centred under it at {@code xBaseline}, the y label rotated at {@code yBaseline} from the left edge. */
    static void frame(Graphics2D g, int left, int top, int pw, int ph, String xLabel, int xBaseline, String yLabel, int yBaseline) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        g.drawRect(left, top, pw, ph);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        centered(g, xLabel, left + pw / 2, xBaseline);
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        centered(r, yLabel, -(top + ph / 2), yBaseline);
        r.dispose();
    }

    /**
     * Draws {@code title} centred at {@code cx} with its first baseline at {@code baseline}, bold:
     * on one line at {@code size} points when it fits {@code width}, else broken at spaces into
     * two lines, at a smaller size if need be (down to 11 points); only then cut with an ellipsis.
     * Returns the baseline of the last line drawn.
     */
    static int title(Graphics2D g, String title, int cx, int baseline, int width, int size) {
        for (int s = size; s >= 11; s--) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, s));
            FontMetrics fm = g.getFontMetrics();
            List<String> lines = wrap(fm, title, width);
            if (lines.size() <= 2 && lines.stream().allMatch(l -> fm.stringWidth(l) <= width)) {
                int y = baseline;
                for (int i = 0; i < lines.size(); i++, y += fm.getHeight()) centered(g, lines.get(i), cx, y);
                return y - fm.getHeight();
            }
        }
        centered(g, fit(g.getFontMetrics(), title, width), cx, baseline);
        return baseline;
    }

    /** Greedy line breaking at spaces. */
    static List<String> wrap(FontMetrics fm, String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && fm.stringWidth(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /** {@code s}, cut with an ellipsis to fit {@code width}. */
    static String fit(FontMetrics fm, String s, int width) {
        if (fm.stringWidth(s) <= width) return s;
        while (s.length() > 1 && fm.stringWidth(s + "…") > width) s = s.substring(0, s.length() - 1);
        return s + "…";
    }

    static void centered(Graphics2D g, String s, int cx, int baseline) {
        g.drawString(s, cx - g.getFontMetrics().stringWidth(s) / 2, baseline);
    }
}
