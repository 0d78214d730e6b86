package ibinit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.info.plane.InfoPlaneHistory;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfoPlanePlotTest {
    @Test
    void tickLabelsStayDistinctOnFineAxes() {
        List<Double> ticks = PlotAxes.ticks(3.297, 3.3165, 8);
        var labels = new HashSet<String>();
        for (double t : ticks) labels.add(PlotAxes.label(t, ticks));
        assertEquals(ticks.size(), labels.size(), labels.toString());
        List<Double> coarse = PlotAxes.ticks(0, 12, 10);
        assertEquals("4", PlotAxes.label(4.0, coarse));
    }

    @Test
    void axesStartAtZeroUnlessEveryValueIsHigh() {
        InfoPlaneHistory low = history(new double[] {0.5, 6}, new double[] {0.1, 0.9});
        assertEquals(0, InfoPlanePlot.range(low, true)[0]);
        InfoPlaneHistory high = history(new double[] {9.5, 10.8}, new double[] {3.2, 3.3});
        double[] x = InfoPlanePlot.range(high, true);
        assertTrue(x[0] > 9 && x[0] < 9.5 && x[1] >= 10.97, java.util.Arrays.toString(x)); // ceiling H(X) shown when near
        assertTrue(InfoPlanePlot.render(high).getWidth() == InfoPlanePlot.WIDTH);
    }

    @Test
    void aTinyChangeDoesNotFillTheAxis() {
        InfoPlaneHistory flat = history(new double[] {11.90, 11.92}, new double[] {3.30, 3.302});
        double[] x = InfoPlanePlot.range(flat, true), y = InfoPlanePlot.range(flat, false);
        assertTrue(0.02 / (x[1] - x[0]) < 0.05, "0.02 bits take " + 0.02 / (x[1] - x[0]) + " of the x axis");
        assertTrue(0.002 / (y[1] - y[0]) < 0.05, "0.002 bits take " + 0.002 / (y[1] - y[0]) + " of the y axis");
        assertTrue(x[0] <= 11.90 && x[1] >= 11.92 && y[0] <= 3.30 && y[1] >= 3.302, "the data stay inside");
    }

    @Test
    void theSvgIsTheSamePlotAsVectors() throws Exception {
        InfoPlaneHistory h = history(new double[] {9.5, 10.8}, new double[] {3.2, 3.3}); // near H(X), H(Y): dotted ceilings
        String svg = InfoPlanePlot.svg(h);
        SvgGraphicsTest.parse(svg);
        assertTrue(svg.contains(">I(X;T) (bits)</text>") && svg.contains("rotate(-90"), "axis labels, the y one rotated");
        assertTrue(svg.contains("stroke-dasharray"), "dotted ceiling lines");
    }

    private static InfoPlaneHistory history(double[] ixt, double[] ity) {
        return new InfoPlaneHistory("t", "mnist", "a", "relu", "e", "bits", "d", Map.of(), List.of("layer 1 (4)", "layer 2 (4)"), "logits",
                2000, Math.log(2000) / Math.log(2), 3.316, List.of(new InfoPlaneHistory.Snapshot(1, 0.1, 5, ixt, ity),
                new InfoPlaneHistory.Snapshot(2, 0.1, 5, ixt.clone(), ity.clone())), 1, 1, "completed");
    }
}
