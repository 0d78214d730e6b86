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
    void onePanelPerArchitectureAndAMethodKeepsItsColour() throws Exception {
        List<RunResult> twoArchs = new java.util.ArrayList<>(results);
        twoArchs.add(Fixtures.result(Fixtures.spec("kaiming-normal", "4-16-3", 1), RunStatus.COMPLETED, 28, 18, 12));
        twoArchs.add(Fixtures.result(Fixtures.spec("orthogonal", "4-16-3", 1), RunStatus.COMPLETED, 29, 19, 13));
        ErrorCurves c = ErrorCurves.of(twoArchs);
        assertEquals(List.of("4-8-3", "4-16-3"), c.panels().stream().map(ErrorCurves.Panel::arch).toList());
        assertEquals(List.of("kaiming-normal", "xavier-uniform", "orthogonal"), c.methods());
        String svg = ErrorCurvePlot.svg(c, "t");
        assertTrue(svg.contains(">4-8-3</text>") && svg.contains(">4-16-3</text>"), "a title per panel");
        // kaiming-normal (method 0, tab10 blue) is drawn in both panels, orthogonal (method 2, green) in the second
        long blueLines = svg.lines().filter(l -> l.contains("fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2.2\"")).count();
        assertEquals(3, blueLines, "one curve per panel plus the legend's line");
        assertTrue(svg.contains("stroke=\"#2ca02c\""), svg);
        Path png = dir.resolve("two.png");
        ErrorCurvePlot.write(c, "t", png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > ErrorCurvePlot.WIDTH, "two panels side by side: " + img.getWidth());
    }

    @Test
    void aLongTitleIsBrokenOntoTwoLinesNotCut() throws Exception {
        String title = "fashion-mnist: minimum test error of xavier-uniform, kaiming-normal, orthogonal, lsuv, ibci-xavier,"
                + " ibci-he and ibci-tie over 784-100-10, 784-512-512-10 and 784-1000-1000-1000-10 with 5 seeds, 100 epochs";
        String svg = ErrorCurvePlot.svg(ErrorCurves.of(results), title);
        SvgGraphicsTest.parse(svg);
        List<String> bold = svg.lines().filter(l -> l.contains("font-weight=\"bold\"") && !l.contains(">4-8-3<")).toList();
        assertEquals(2, bold.size(), svg);
        String joined = bold.stream().map(l -> l.substring(l.indexOf('>') + 1, l.lastIndexOf("</text>"))).reduce((a, b) -> a + " " + b).get();
        assertEquals(title, joined);
    }

    @Test
    void aTinyChangeDoesNotFillTheAxis() {
        ErrorCurves flat = ErrorCurves.of(List.of(Fixtures.result(Fixtures.spec("he", "4-8-3", 1), RunStatus.COMPLETED, 12.01, 12.02, 12.0)));
        double[] y = ErrorCurvePlot.yRange(flat.curves());
        assertTrue(y[1] - y[0] >= ErrorCurvePlot.MIN_Y_SPAN - 1e-12 && y[0] <= 12.0 && y[1] >= 12.02, java.util.Arrays.toString(y));
        double[] low = ErrorCurvePlot.yRange(ErrorCurves.of(List.of(Fixtures.result(Fixtures.spec("he", "4-8-3", 1),
                RunStatus.COMPLETED, 0.1, 0.1))).curves());
        assertEquals(0, low[0], "never below 0 %");
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
        try (var files = Files.list(dir)) {
            assertEquals(java.util.Set.of(png, dir.resolve("error.svg")), java.util.Set.copyOf(files.toList()),
                    "the PNG and the SVG beside it, no temporary file");
        }
        SvgGraphicsTest.parse(Files.readString(dir.resolve("error.svg")));
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
        assertEquals(List.of(10.0, 12.0, 14.0, 16.0, 18.0, 20.0), PlotAxes.ticks(9.3, 20.4, 6));
        assertEquals(List.of(1.0, 2.0, 3.0), PlotAxes.ticks(1, 3, 10).stream().filter(t -> t == Math.rint(t)).toList());
    }
}
