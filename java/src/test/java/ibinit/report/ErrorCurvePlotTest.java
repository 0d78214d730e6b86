package ibinit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.train.RunResult;
import ibinit.train.RunStatus;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorCurvePlotTest {
    @TempDir Path dir;

    private final List<RunResult> results = List.of(
            Fixtures.result(Fixtures.spec("kaiming-normal", "4-8-3", 1), RunStatus.COMPLETED, 30, 20, 15),
            Fixtures.result(Fixtures.spec("kaiming-normal", "4-8-3", 2), RunStatus.COMPLETED, 34, 22, 17),
            Fixtures.result(Fixtures.spec("xavier-uniform", "4-8-3", 1), RunStatus.DIVERGED, 45, 41));

    @Test
    void curvesAverageSeedsEpochByEpoch() {
        ErrorCurves c = ErrorCurves.of(results);
        assertEquals(3, c.epochs());
        assertEquals(2, c.curves().size());
        assertArrayEquals(new double[] {32, 21, 16}, c.curves().get(0).mean(), 1e-12);
        assertArrayEquals(new double[] {30, 20, 15}, c.curves().get(0).min(), 1e-12);
        assertArrayEquals(new double[] {34, 22, 17}, c.curves().get(0).max(), 1e-12);
        assertTrue(Double.isNaN(c.curves().get(1).mean()[2]), "a diverged run has no third epoch");
    }

    @Test
    void pngIsAValidImageOfTheExpectedSizeWithTheCurvesDrawn() throws Exception {
        Path png = dir.resolve("error.png");
        ErrorCurvePlot.write(ErrorCurves.of(results), "test error per epoch", png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(ErrorCurvePlot.WIDTH, img.getWidth());
        assertEquals(ErrorCurvePlot.HEIGHT, img.getHeight());
        // the first curve's colour (tab10 blue) appears somewhere in the plot area
        boolean blue = false;
        for (int y = 60; y < 530 && !blue; y++) {
            for (int x = 80; x < 750 && !blue; x++) blue = img.getRGB(x, y) == (0xff000000 | 0x1f77b4);
        }
        assertTrue(blue, "no pixel of the first curve's colour");
        assertNotEquals(img.getRGB(5, 5), img.getRGB(80, 300), "the axis line is drawn");
        assertTrue(hasDarkPixel(img, 300, 15, 700, 45), "the title is drawn");
        assertTrue(hasDarkPixel(img, 770, 60, 990, 200), "the legend is drawn");
        assertEquals(1, Files.list(dir).count(), "only the PNG, no temporary file");
    }

    private static boolean hasDarkPixel(BufferedImage img, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 80 && ((rgb >> 8) & 0xff) < 80 && (rgb & 0xff) < 80) return true;
            }
        }
        return false;
    }

    @Test
    void ticksAreRoundNumbersCoveringTheRange() {
        assertEquals(List.of(10.0, 12.0, 14.0, 16.0, 18.0, 20.0), ErrorCurvePlot.ticks(9.3, 20.4, 6));
        assertEquals(List.of(1.0, 2.0, 3.0), ErrorCurvePlot.ticks(1, 3, 10).stream().filter(t -> t == Math.rint(t)).toList());
    }
}
