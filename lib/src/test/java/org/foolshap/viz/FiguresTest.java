package org.foolshap.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.foolshap.model.OutputScale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders every figure headless with realistic fake results and checks the image is not trivial: its size, a
 * decent fraction of drawn pixels, several colours, the palette's colours where they should be, and a label
 * beside every feature row. The PNGs go to $VIZ_OUT (default target/figures) for a human to look at.
 */
class FiguresTest {
    private static final Path OUT = Path.of(System.getenv().getOrDefault("VIZ_OUT", "target/figures"));

    @Test
    void attributionsBeforeAfterShowBothSeriesTheSensitiveRowAndEveryLabel() {
        XYChart chart = Figures.attributions(FakeResults.before(), FakeResults.after(), "gender");
        BufferedImage img = render(chart, "attributions-adult");
        assertNonTrivial(img, 800, 400);
        assertTrue(pixels(img, Palette.HONEST) > 50, "honest dots drawn");
        assertTrue(pixels(img, Palette.MANIPULATED) > 50, "manipulated dots drawn");
        assertTrue(pixels(img, blend(Palette.SENSITIVE, 38)) > 1000, "sensitive row shaded");
        assertEveryRowLabelled(chart, img, 11);
    }

    @Test
    void attributionsWithAHundredFeaturesKeepEveryLabel() {
        XYChart chart = Figures.attributions(FakeResults.many(100, 1, 1, OutputScale.LOG_ODDS),
                FakeResults.many(100, 1, 0.1, OutputScale.LOG_ODDS), "feature 37");
        assertTrue(chart.getXAxisTitle().contains("log-odds"),
                "the axis names the attributions' scale: " + chart.getXAxisTitle());
        BufferedImage img = render(chart, "attributions-100");
        assertTrue(img.getHeight() >= 100 * AttributionFigure.MIN_ROW_PIXELS, "height " + img.getHeight());
        assertNonTrivial(img, 800, 2600);
        assertEveryRowLabelled(chart, img, 100);
    }

    @Test
    void singleAttributionsAndManySeries() {
        BufferedImage one = render(Figures.attributions(FakeResults.before(), "gender"), "attributions-honest");
        assertNonTrivial(one, 800, 300);
        assertTrue(pixels(one, Palette.HONEST) > 50);
        var series = new java.util.LinkedHashMap<String, org.foolshap.shap.Attributions>();
        series.put("honest", FakeResults.before());
        series.put("Fool SHAP", FakeResults.after());
        series.put("brute force", FakeResults.before());
        BufferedImage three = render(Figures.attributions(series, null, "Three backgrounds"), "attributions-three");
        assertNonTrivial(three, 800, 400);
    }

    @Test
    void cdfsDrawFourStepLines() {
        double[] d0 = FakeResults.outputs(16192, 0.109, 1);
        double[] d1 = FakeResults.outputs(32650, 0.304, 2);
        BufferedImage img = render(Figures.cdfs(d0, FakeResults.tilted(d0, 200, 0, 3), d1,
                FakeResults.tilted(d1, 200, 0.6, 4), "women", "men", OutputScale.PROBABILITY), "cdfs");
        assertNonTrivial(img, 700, 450);
        assertTrue(pixels(img, Palette.GROUP0) > 200, "group 0 drawn");
        assertTrue(pixels(img, Palette.GROUP1) > 200, "group 1 drawn");
        assertNonTrivial(render(Figures.cdfs(d0, null, d1, null, "group 0", "group 1", OutputScale.PROBABILITY),
                "cdfs-data-only"), 700, 450);
    }

    @Test
    void histogramsByGroup() {
        BufferedImage img = render(Figures.outputHistograms(FakeResults.outputs(16192, 0.109, 1),
                FakeResults.outputs(32650, 0.304, 2), "women", "men", OutputScale.PROBABILITY, 30), "histograms");
        assertNonTrivial(img, 700, 400);
        assertTrue(pixels(img, Palette.GROUP0) > 200);
        assertTrue(pixels(img, Palette.GROUP1) > 200);
    }

    @Test
    void lambdaCurvesHighlightTheSensitiveFeature() {
        double[] l = FakeResults.lambdas();
        BufferedImage img = render(Figures.lambdaCurves(l, FakeResults.ADULT, FakeResults.meanPhi(l),
                FakeResults.sdPhi(l), "gender", OutputScale.PROBABILITY, Double.NaN), "lambda-curves");
        assertNonTrivial(img, 800, 450);
        assertTrue(pixels(img, Palette.SENSITIVE) > 300, "sensitive curve drawn");
        BufferedImage noBands = render(Figures.lambdaCurves(l, FakeResults.ADULT, FakeResults.meanPhi(l), null,
                "gender", OutputScale.LOG_ODDS, 2.0), "lambda-curves-no-bands-chosen");
        assertTrue(pixels(noBands, Palette.MANIPULATED) > 50, "chosen lambda marked");
        assertNonTrivial(noBands, 800, 450);
    }

    @Test
    void lambdaCurvesWithManyFeaturesShareOneLegendEntry() {
        double[] l = FakeResults.lambdas();
        java.util.List<String> names = new java.util.ArrayList<>();
        double[][] mean = new double[l.length][40];
        for (int f = 0; f < 40; f++) {
            names.add("f" + f);
            for (int i = 0; i < l.length; i++) {
                mean[i][f] = 0.01 * Math.sin(f + i / 5.0) / (1 + f / 10.0);
            }
        }
        XYChart chart = Figures.lambdaCurves(l, names, mean, null, "f3", OutputScale.PROBABILITY, Double.NaN);
        long inLegend = chart.getSeriesMap().values().stream().filter(s -> s.isShowInLegend()).count();
        assertEquals(2, inLegend, "sensitive + other features");
        assertNonTrivial(render(chart, "lambda-curves-40"), 700, 450);
    }

    @Test
    void detectionMarksAlphaAndTheChosenLambda() {
        double[] l = FakeResults.lambdas();
        BufferedImage img = render(Figures.detection(l, FakeResults.detectionRate(l), null, 0.05, Double.NaN, 2.0),
                "detection");
        assertNonTrivial(img, 700, 450);
        assertTrue(pixels(img, Palette.HONEST) > 200, "rate curve drawn");
        assertTrue(pixels(img, Palette.MANIPULATED) > 50, "chosen lambda marked");
        assertTrue(pixels(img, Palette.REFERENCE) > 50, "alpha line drawn");
        double[] hw = new double[l.length];
        java.util.Arrays.fill(hw, 0.04);
        assertNonTrivial(render(Figures.detection(l, FakeResults.detectionRate(l), hw, 0.05, Double.NaN, Double.NaN),
                "detection-ci"), 700, 450);
        BufferedImage plain = render(Figures.detection(l, FakeResults.detectionRate(l), null, 0.05, Double.NaN,
                Double.NaN), "detection-plain");
        BufferedImage threshold = render(Figures.detection(l, FakeResults.detectionRate(l), null, 0.05, 0.1,
                Double.NaN), "detection-threshold");
        assertTrue(pixels(threshold, Palette.MANIPULATED) > pixels(plain, Palette.MANIPULATED) + 50,
                "stealth threshold drawn");
    }

    @Test
    void methodComparisonAndFigureFive() {
        BufferedImage one = render(Figures.methodComparison(FakeResults.methods(7),
                "relative decrease of |\u03A6(gender)| (%)"), "methods");
        assertNonTrivial(one, 500, 400);
        assertTrue(pixels(one, Color.BLACK) > 30, "means drawn");
        Map<String, double[]> clash = new java.util.LinkedHashMap<>(FakeResults.methods(8));
        clash.put("mean", new double[] {1, 2});
        clash.put("zero", new double[] {3});
        assertNonTrivial(render(Figures.methodComparison(clash, "y"), "methods-clash"), 500, 400);
        XYChart five = Figures.methodComparisonByDataset(FakeResults.figure5(),
                "relative decrease of |\u03A6(sensitive)| (%)");
        BufferedImage img = render(five, "figure5");
        assertNonTrivial(img, 800, 400);
        for (int d = 0; d < 4; d++) {
            int x = (int) Math.round(five.getScreenXFromChart(d));
            int y = (int) Math.round(five.getScreenYFromChart(five.getStyler().getYAxisMin()));
            assertTrue(dark(img, x - 30, y + 4, x + 30, y + 26) > 10, "dataset label " + d + " drawn");
        }
    }

    @Test
    void exportHelpersWritePngAndSvg(@TempDir Path dir) throws IOException {
        XYChart chart = Figures.detection(FakeResults.lambdas(), FakeResults.detectionRate(FakeResults.lambdas()),
                null, 0.05, 0.1, 2.0);
        byte[] png = Figures.pngBytes(chart);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(chart.getWidth(), decoded.getWidth());
        assertEquals(chart.getHeight(), decoded.getHeight());
        Path p = Figures.png(chart, dir.resolve("sub/detection.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(Files.readAllBytes(p), 4));
        Path s = Figures.svg(chart, dir.resolve("detection.svg"));
        String svg = Files.readString(s);
        assertTrue(svg.contains("<svg") && svg.length() > 2000, "svg written");
        BufferedImage image = Figures.image(chart);
        assertEquals(chart.getWidth(), image.getWidth());
        String attributions = Files.readString(Figures.svg(Figures.attributions(FakeResults.before(),
                FakeResults.after(), "gender"), dir.resolve("attributions.svg")));
        // XChart draws text as glyph outlines, so the labels are paths, not searchable text.
        assertTrue(attributions.startsWith("<?xml") && attributions.contains("<path") && attributions.length() > 20000,
                "attributions SVG has " + attributions.length() + " characters");
    }

    // ------------------------------------------------------------------ helpers

    static BufferedImage render(Chart<?, ?> chart, String name) {
        Figures.png(chart, OUT.resolve(name + ".png"));
        return Figures.image(chart);
    }

    static void assertNonTrivial(BufferedImage img, int minWidth, int minHeight) {
        assertTrue(img.getWidth() >= minWidth && img.getHeight() >= minHeight,
                "size " + img.getWidth() + "x" + img.getHeight());
        long drawn = 0;
        Set<Integer> colours = new HashSet<>();
        for (int rgb : rgb(img, 0, 0, img.getWidth(), img.getHeight())) {
            if ((rgb & 0xFFFFFF) != 0xFFFFFF) {
                drawn++;
            }
            colours.add(rgb & 0xF0F0F0);
        }
        double fraction = drawn / (double) (img.getWidth() * img.getHeight());
        assertTrue(fraction > 0.02, "only " + fraction + " of the pixels are drawn");
        assertTrue(colours.size() >= 8, "only " + colours.size() + " colours");
    }

    /** Pixels within 3 levels per channel of c. */
    static long pixels(BufferedImage img, Color c) {
        long n = 0;
        for (int rgb : rgb(img, 0, 0, img.getWidth(), img.getHeight())) {
            if (Math.abs((rgb >> 16 & 0xFF) - c.getRed()) <= 3 && Math.abs((rgb >> 8 & 0xFF) - c.getGreen()) <= 3
                    && Math.abs((rgb & 0xFF) - c.getBlue()) <= 3) {
                n++;
            }
        }
        return n;
    }

    /** Dark (text-like) pixels in the rectangle [x0, x1) x [y0, y1), clipped to the image. */
    static int dark(BufferedImage img, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int rgb : rgb(img, x0, y0, x1, y1)) {
            if ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF) < 300) {
                n++;
            }
        }
        return n;
    }

    private static int[] rgb(BufferedImage img, int x0, int y0, int x1, int y1) {
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(img.getWidth(), x1);
        y1 = Math.min(img.getHeight(), y1);
        if (x1 <= x0 || y1 <= y0) {
            return new int[0];
        }
        return img.getRGB(x0, y0, x1 - x0, y1 - y0, null, 0, x1 - x0);
    }

    /** A label left of the plot at the height of every row 0..n-1. */
    static void assertEveryRowLabelled(XYChart chart, BufferedImage img, int n) {
        int left = (int) Math.round(chart.getScreenXFromChart(chart.getStyler().getXAxisMin()));
        for (int r = 0; r < n; r++) {
            int y = (int) Math.round(chart.getScreenYFromChart(r));
            assertTrue(dark(img, 0, y - 4, left - 6, y + 4) > 8, "no label at row " + r + " (y = " + y + ")");
        }
    }

    static Color blend(Color c, int alpha) {
        double a = alpha / 255.0;
        return new Color((int) Math.round(c.getRed() * a + 255 * (1 - a)),
                (int) Math.round(c.getGreen() * a + 255 * (1 - a)), (int) Math.round(c.getBlue() * a + 255 * (1 - a)));
    }
}
