package ibinit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XyPlotTest {
    @TempDir Path dir;

    private static XyPlot plot() {
        double[] x = {0, 1, 2, 3}, y = {1, 0.5, 0.4, 0.38};
        return new XyPlot("title", "iteration", "value", List.of(
                XyPlot.Series.band("mean", x, y, new double[] {0.9, 0.4, 0.3, 0.3}, new double[] {1.1, 0.6, 0.5, 0.45}, 0),
                new XyPlot.Series("points", x, y, null, null, XyPlot.Style.POINTS, 1)));
    }

    /** Pixels that are neither white nor grey: drawn in colour. */
    private static int coloured(BufferedImage img) {
        int n = 0;
        for (int i = 0; i < img.getWidth(); i++) {
            for (int j = 0; j < img.getHeight(); j++) {
                int rgb = img.getRGB(i, j), r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) n++;
            }
        }
        return n;
    }

    @Test
    void drawsTheSeriesAndWritesPanels() throws Exception {
        BufferedImage one = plot().render();
        assertEquals(XyPlot.WIDTH, one.getWidth());
        assertTrue(coloured(one) > 500, "coloured pixels " + coloured(one));
        Path f = dir.resolve("p.png");
        XyPlot.writePanels(List.of(plot(), plot(), plot()), 2, f);
        BufferedImage read = ImageIO.read(f.toFile());
        assertEquals(2 * XyPlot.WIDTH, read.getWidth());
        assertEquals(2 * XyPlot.HEIGHT, read.getHeight());
    }

    @Test
    void aFlatSeriesStillGetsARange() {
        double[] x = {0, 1, 2};
        XyPlot p = new XyPlot("flat", "x", "y", List.of(XyPlot.Series.line("flat", x, new double[] {4.605, 4.605, 4.605}, 0)));
        assertTrue(coloured(p.render()) > 100);
    }
}
