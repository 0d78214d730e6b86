package ibinit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** What the plots paint comes out as the matching SVG elements, in a well-formed document. */
class SvgGraphicsTest {
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void linesShapesTextAndClipBecomeSvgElements() throws Exception {
        String svg = PlotCanvas.svg(200, 100, g -> {
            g.setColor(new Color(0xff0000));
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {3, 2}, 0f));
            g.drawLine(10, 20, 30, 40);
            g.setColor(new Color(0, 0, 255, 51));
            g.fillRect(5, 6, 7, 8);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            Graphics2D r = (Graphics2D) g.create();
            r.rotate(-Math.PI / 2);
            r.drawString("a<b & \"c\"", -50, 20);
            r.dispose();
            g.setStroke(new BasicStroke());
            Graphics2D c = (Graphics2D) g.create();
            c.clipRect(0, 0, 50, 50);
            c.drawLine(0, 0, 100, 100);
            c.dispose();
            g.drawLine(1, 1, 2, 2);
        });
        Document d = parse(svg);
        Element root = d.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("200", root.getAttribute("width"));
        assertTrue(svg.contains("<path d=\"M10 20L30 40\" fill=\"none\" stroke=\"#ff0000\" stroke-width=\"2\" stroke-linecap=\"round\""
                + " stroke-linejoin=\"round\" stroke-dasharray=\"3,2\"/>"), svg);
        assertTrue(svg.contains("<path d=\"M5 6L12 6L12 14L5 14L5 6Z\" fill=\"#0000ff\" fill-opacity=\"0.2\"/>"), svg);
        assertTrue(svg.contains("<text x=\"20\" y=\"50\" transform=\"rotate(-90 20 50)\" font-family=\"sans-serif\" font-size=\"15\""
                + " font-weight=\"bold\" xml:space=\"preserve\" fill=\"#000000\">a&lt;b &amp; &quot;c&quot;</text>"), svg);
        assertEquals(1, d.getElementsByTagNameNS("*", "clipPath").getLength());
        assertTrue(svg.contains("<path d=\"M0 0L100 100\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\" stroke-linecap=\"square\""
                + " stroke-linejoin=\"miter\" clip-path=\"url(#clip1)\"/>"), "clipped line: " + svg);
        assertTrue(svg.contains("<path d=\"M1 1L2 2\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\" stroke-linecap=\"square\""
                + " stroke-linejoin=\"miter\"/>"), "the clip ends with the copy that set it: " + svg);
    }

    @Test
    void whatItCannotDrawFailsLoudly() {
        assertThrows(UnsupportedOperationException.class,
                () -> PlotCanvas.svg(10, 10, g -> g.drawImage(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), 0, 0, null)));
        assertThrows(UnsupportedOperationException.class,
                () -> PlotCanvas.svg(10, 10, g -> g.setPaint(new java.awt.GradientPaint(0, 0, Color.RED, 1, 1, Color.BLUE))));
    }
}
