package ibinit.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/** What every ibinit plot shares: a white antialiased canvas, the plot frame and axis labels, PNG output. */
final class PlotCanvas {
    private PlotCanvas() { }

    /** A white canvas of the given size, painted by {@code draw}. */
    static BufferedImage paint(int width, int height, Consumer<Graphics2D> draw) {
        System.setProperty("java.awt.headless", "true"); // no display is needed or wanted
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            draw.accept(g);
        } finally {
            g.dispose();
        }
        return img;
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
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        g.drawRect(left, top, pw, ph);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        centered(g, xLabel, left + pw / 2, height - 22);
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        centered(r, yLabel, -(top + ph / 2), 24);
        r.dispose();
    }

    static void centered(Graphics2D g, String s, int cx, int baseline) {
        g.drawString(s, cx - g.getFontMetrics().stringWidth(s) / 2, baseline);
    }
}
