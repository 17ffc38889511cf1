package org.foolshap.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.foolshap.ToyAudit;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.fairness.FairnessMetrics;
import org.foolshap.fairness.FairnessReport;
import org.foolshap.model.Model;
import org.foolshap.model.ModelKind;
import org.foolshap.model.OutputScale;
import org.foolshap.model.RandomData;
import org.foolshap.model.Trainer;
import org.foolshap.shap.Explainers;
import org.foolshap.shap.Explanation;
import org.foolshap.shap.LocalShap;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * shap's plots of per-row explanations and the fairness chart, drawn from real results of the toy audit: rendered
 * to PNG, not blank, the expected colours drawn, every feature row labelled, and a legend drawn where there is one.
 */
class ShapFiguresTest {
    private static final AuditSetting SETTING = ToyAudit.setting();
    private static final Model MODEL = ToyAudit.model(SETTING);
    /** 60 women against 80 men, exact SHAP: numeric features (height, muscle, noise) and a categorical one (sex). */
    private static final Explanation WOMEN = LocalShap.of(Explainers.exact(MODEL))
            .explain(SETTING.uniformSample(Group.FOREGROUND, 60, 1), SETTING.uniformSample(Group.BACKGROUND, 80, 2));
    /** 70 women and 70 men against 50 men, as plain model rows: every feature numeric (sex as its code). */
    private static final Explanation EVERYONE = LocalShap.of(Explainers.exact(MODEL)).withNames(SETTING.names())
            .explain(both(), SETTING.uniformSample(Group.BACKGROUND, 50, 3).rows());

    private static double[][] both() {
        double[][] women = SETTING.uniformSample(Group.FOREGROUND, 70, 4).rows();
        double[][] men = SETTING.uniformSample(Group.BACKGROUND, 70, 5).rows();
        double[][] all = new double[140][];
        System.arraycopy(women, 0, all, 0, 70);
        System.arraycopy(men, 0, all, 70, 70);
        return all;
    }

    @Test
    void barShowsMeanAbsolutePhiOfEveryFeature() {
        XYChart chart = Figures.bar(WOMEN);
        BufferedImage img = FiguresTest.render(chart, "shap-bar");
        FiguresTest.assertNonTrivial(img, 800, 250);
        assertTrue(FiguresTest.pixels(img, Palette.HONEST) > 500, "bars drawn");
        FiguresTest.assertEveryRowLabelled(chart, img, WOMEN.features().size());
        assertTrue(chart.getXAxisTitle().contains(OutputScale.PROBABILITY.label()), chart.getXAxisTitle());
        assertTrue(chart.getTitle().contains("60 rows"), chart.getTitle());
        assertFalse(chart.getStyler().isLegendVisible(), "one series: no legend");
    }

    @Test
    void beeswarmColoursNumericFeaturesByValueAndCategoricalOnesByLevel() {
        XYChart chart = Figures.beeswarm(EVERYONE);
        BufferedImage img = FiguresTest.render(chart, "shap-beeswarm");
        FiguresTest.assertNonTrivial(img, 900, 300);
        assertTrue(FiguresTest.pixels(img, Palette.gradient((0 + 0.5) / ValueColors.STEPS)) > 20, "low values drawn");
        assertTrue(FiguresTest.pixels(img, Palette.gradient((ValueColors.STEPS - 0.5) / ValueColors.STEPS)) > 20,
                "high values drawn");
        FiguresTest.assertEveryRowLabelled(chart, img, EVERYONE.features().size());
        // the features' order: largest mean |phi| on top
        List<String> order = EVERYONE.byImportance();
        assertEquals(order.get(0), chart.getStyler().getyAxisTickLabelsFormattingFunction()
                .apply((double) (order.size() - 1)));
        Set<String> legend = legend(chart);
        assertEquals(Set.of("low feature value", "high feature value"), legend, "numeric features only");
        assertLegendDrawn(chart, "shap-beeswarm");

        // with the setting's names, sex is categorical and its two levels are legend entries in their own colours
        XYChart named = Figures.beeswarm(LocalShap.of(Explainers.exact(MODEL))
                .explain(SETTING.all(Group.FOREGROUND), SETTING.uniformSample(Group.BACKGROUND, 40, 6)));
        Set<String> namedLegend = legend(named);
        assertTrue(namedLegend.containsAll(Set.of("sex", "  Female")), "the feature heads its levels: " + namedLegend);
        BufferedImage namedImg = FiguresTest.render(named, "shap-beeswarm-women");
        int femaleCode = SETTING.features().get(SETTING.features().index("sex")).code("Female");
        assertTrue(FiguresTest.pixels(namedImg, Palette.level(femaleCode)) > 50, "the level's colour drawn");
        assertLegendDrawn(named, "shap-beeswarm-women");
    }

    @Test
    void beeswarmOfManyRowsAndManyFeaturesStaysReadable() {
        double[][] x = RandomData.rows(400, 1);
        Model gbt = Trainer.of(ModelKind.GBT).withTrees(10).fit(RandomData.FEATURES, x, RandomData.labels(x, 2));
        Explanation e = LocalShap.of(Explainers.tree(gbt)).withFeatures(RandomData.FEATURES)
                .explain(RandomData.rows(3000, 3), RandomData.rows(200, 4));
        XYChart chart = Figures.beeswarm(e);
        BufferedImage img = FiguresTest.render(chart, "shap-beeswarm-3000");
        FiguresTest.assertNonTrivial(img, 900, 300);
        FiguresTest.assertEveryRowLabelled(chart, img, 5);
        Set<String> legend = legend(chart);
        assertTrue(legend.containsAll(Set.of("colour", "  red", "  green", "  blue", "shape", "  o", "  x")),
                legend.toString());
        List<String> ordered = chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend)
                .map(s -> s.getLabel().replace("\u00A0", "")).toList();
        List<String> headings = ordered.stream().filter(l -> l.equals("shape") || l.equals("colour")).toList();
        List<String> byRows = e.byImportance().stream().filter(f -> f.equals("shape") || f.equals("colour")).toList();
        assertEquals(byRows, headings, "headings in the order of the rows, top down");
        assertTrue(chart.getXAxisTitle().contains("log-odds"), chart.getXAxisTitle());
    }

    @Test
    void waterfallGoesFromTheBaseValueToTheOutput() {
        Explanation one = WOMEN.sortedBy("sex").row(0);
        XYChart chart = Figures.waterfall(one);
        BufferedImage img = FiguresTest.render(chart, "shap-waterfall");
        FiguresTest.assertNonTrivial(img, 800, 250);
        FiguresTest.assertEveryRowLabelled(chart, img, one.features().size());
        double[] phi = one.values()[0];
        boolean raises = java.util.Arrays.stream(phi).anyMatch(v -> v > 0);
        boolean lowers = java.util.Arrays.stream(phi).anyMatch(v -> v < 0);
        assertEquals(raises, FiguresTest.pixels(img, Palette.RAISES) > 50, "red bars iff some phi > 0");
        assertEquals(lowers, FiguresTest.pixels(img, Palette.LOWERS) > 50, "blue bars iff some phi < 0");
        Set<String> legend = legend(chart);
        assertTrue(legend.stream().anyMatch(s -> s.startsWith("base value E f(background) = ")), legend.toString());
        assertTrue(legend.stream().anyMatch(s -> s.startsWith("f(x) = ")), legend.toString());
        assertTrue(chart.getTitle().contains("row " + one.ids().orElseThrow()[0]), chart.getTitle());
        assertLegendDrawn(chart, "shap-waterfall");
        // the labels carry each feature's value in the row
        String top = chart.getStyler().getyAxisTickLabelsFormattingFunction().apply((double) (phi.length - 1));
        assertTrue(top.contains(" = "), top);

        IllegalArgumentException many = assertThrows(IllegalArgumentException.class, () -> Figures.waterfall(WOMEN));
        assertTrue(many.getMessage().contains("explanation.row(i)"), many.getMessage());
        assertEquals(Figures.waterfall(WOMEN, 3).getTitle(), Figures.waterfall(WOMEN.row(3)).getTitle());
    }

    @Test
    void dependenceScatterWithAndWithoutColour() {
        XYChart plain = Figures.dependence(WOMEN, "muscle");
        BufferedImage img = FiguresTest.render(plain, "shap-dependence");
        FiguresTest.assertNonTrivial(img, 700, 400);
        assertTrue(FiguresTest.pixels(img, Palette.HONEST) > 100, "dots drawn");
        assertTrue(plain.getYAxisTitle().contains("\u03C6(muscle)"), plain.getYAxisTitle());

        XYChart byHeight = Figures.dependence(WOMEN, "muscle", "height");
        assertTrue(legend(byHeight).containsAll(Set.of("height: low", "height: high")), legend(byHeight).toString());
        FiguresTest.assertNonTrivial(FiguresTest.render(byHeight, "shap-dependence-by-height"), 700, 400);
        assertLegendDrawn(byHeight, "shap-dependence-by-height");

        Explanation named = LocalShap.of(Explainers.exact(MODEL)).explain(SETTING.uniformSample(Group.FOREGROUND, 50,
                7), SETTING.uniformSample(Group.BACKGROUND, 30, 8));
        XYChart bySex = Figures.dependence(named, "height", "sex");
        assertTrue(legend(bySex).contains("sex: Female"), legend(bySex).toString());
        XYChart categorical = Figures.dependence(named, "sex", "muscle");
        assertEquals("Female", categorical.getStyler().getxAxisTickLabelsFormattingFunction().apply(0.0));
        FiguresTest.assertNonTrivial(FiguresTest.render(categorical, "shap-dependence-categorical"), 700, 400);
        assertThrows(IllegalArgumentException.class, () -> Figures.dependence(named, "weight"));
    }

    @Test
    void fairnessBarsPerGroupWithTheFourFifthsLine() {
        FairnessReport report = FairnessMetrics.of(MODEL).evaluate(SETTING);
        XYChart chart = Figures.fairness(report);
        BufferedImage img = FiguresTest.render(chart, "fairness");
        FiguresTest.assertNonTrivial(img, 800, 400);
        assertTrue(FiguresTest.pixels(img, Palette.cycle(0)) > 500, "first group's bars");
        assertTrue(FiguresTest.pixels(img, Palette.cycle(1)) > 500, "second group's bars");
        Set<String> legend = legend(chart);
        assertTrue(legend.stream().anyMatch(s -> s.startsWith("Female (n = ")), legend.toString());
        assertTrue(legend.stream().anyMatch(s -> s.startsWith("4/5 of the highest selection rate")), legend.toString());
        assertTrue(chart.getTitle().contains(report.passesFourFifthsRule() ? "passes" : "fails"), chart.getTitle());
        assertLegendDrawn(chart, "fairness");

        // intersections with an empty group and undefined rates draw what is defined and say so in the legend
        Table sensitive = Table.create("s", StringColumn.create("sex", "F", "F", "F", "M", "M"),
                StringColumn.create("race", "a", "a", "b", "a", "a"));
        FairnessReport sparse = FairnessMetrics.fromOutputs(new double[] {0.9, 0.1, 0.8, 0.7, 0.2},
                new int[] {1, 0, 1, 1, 0}, sensitive, 0.5, OutputScale.PROBABILITY);
        XYChart withGaps = Figures.fairness(sparse);
        Set<String> gaps = legend(withGaps);
        assertTrue(gaps.contains("M, b (n = 0, empty)"), gaps.toString());
        assertTrue(gaps.stream().anyMatch(s -> s.startsWith("F, b (n = 1, ") && s.contains("undefined")),
                gaps.toString());
        FiguresTest.assertNonTrivial(FiguresTest.render(withGaps, "fairness-intersections"), 800, 400);
    }

    // ------------------------------------------------------------------ helpers

    /** The legend labels of the series shown in the legend. */
    private static Set<String> legend(XYChart chart) {
        return chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend)
                .map(s -> s.getLabel().replace("\u00A0", "")).collect(Collectors.toSet());
    }

    /**
     * The legend is drawn: with it on the right, text right of the plot that is not there without it; with it
     * below, one more band of text below the plot (under the tick labels and the axis title) than without it.
     */
    private static void assertLegendDrawn(XYChart chart, String name) {
        assertTrue(chart.getStyler().isLegendVisible(), name + ": legend visible");
        boolean right = chart.getStyler().getLegendPosition() == org.knowm.xchart.style.Styler.LegendPosition.OutsideE;
        long with = right ? inkRightOfPlot(chart) : bandsBelowPlot(chart);
        chart.getStyler().setLegendVisible(false);
        long without = right ? inkRightOfPlot(chart) : bandsBelowPlot(chart);
        chart.getStyler().setLegendVisible(true);
        if (right) {
            assertTrue(with > 60 && without < 20, name + ": " + with + " dark pixels right of the plot, " + without
                    + " without the legend");
        } else {
            assertTrue(with >= without + 1, name + ": " + with + " bands of text below the plot, " + without
                    + " without the legend");
        }
    }

    private static long inkRightOfPlot(XYChart chart) {
        BufferedImage img = Figures.image(chart);
        int x1 = (int) Math.round(chart.getScreenXFromChart(chart.getStyler().getXAxisMax()));
        return FiguresTest.dark(img, x1 + 12, 0, img.getWidth(), img.getHeight());
    }

    private static int bandsBelowPlot(XYChart chart) {
        BufferedImage img = Figures.image(chart);
        int y1 = (int) Math.round(chart.getScreenYFromChart(chart.getStyler().getYAxisMin()));
        int bands = 0;
        boolean inBand = false;
        for (int y = y1 + 2; y < img.getHeight(); y++) {
            boolean ink = FiguresTest.dark(img, 0, y, img.getWidth(), y + 1) > 0;
            if (ink && !inBand) {
                bands++;
            }
            inBand = ink;
        }
        return bands;
    }
}
