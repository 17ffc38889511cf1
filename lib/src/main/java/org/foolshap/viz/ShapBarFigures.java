package org.foolshap.viz;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.foolshap.shap.Explanation;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.XYStyler;

/**
 * shap's bar and waterfall plots of per-row explanations, as horizontal bars on a categorical y axis (largest on
 * top): mean |phi| per feature, and one row's path from the base value mean f(B) to f(x).
 */
final class ShapBarFigures {
    static final int WIDTH = 960;
    static final int ROW_PIXELS = 34;
    private static final double HALF = 0.34;

    private ShapBarFigures() {
    }

    /** Mean |phi_i| over the rows, one bar per feature; past {@code max} features the rest share one bar. */
    static XYChart bar(Explanation e, int max) {
        List<String> order = e.byImportance();
        double[] meanAbs = e.meanAbs();
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        int shown = order.size() > max ? max - 1 : order.size();
        for (int k = 0; k < shown; k++) {
            labels.add(order.get(k));
            values.add(meanAbs[e.index(order.get(k))]);
        }
        if (shown < order.size()) {
            double rest = 0;
            for (int k = shown; k < order.size(); k++) {
                rest += meanAbs[e.index(order.get(k))];
            }
            labels.add("sum of " + (order.size() - shown) + " other features");
            values.add(rest);
        }
        int n = labels.size();
        double top = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double xmax = top > 0 ? top * 1.18 : 1e-3;
        XYChart chart = rows(labels, "Mean |\u03C6| per feature over " + count(e.rowCount(), "row")
                        + named(e.rowsName()),
                "mean |\u03C6| (" + e.scale().label() + "), against " + count(e.backgroundSize(), "background row"),
                0, xmax);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(ticks(xmax));
        Bars bars = new Bars();
        for (int k = 0; k < n; k++) {
            int r = n - 1 - k;
            bars.add(0, values.get(k), r - HALF, r + HALF);
            AnnotationText text = new AnnotationText(Charts.format(values.get(k)), values.get(k) + 0.075 * top, r,
                    false);
            chart.addAnnotation(text);
        }
        bars.draw(chart, "mean |\u03C6|", Palette.HONEST);
        return chart;
    }

    /**
     * One row: bars from the base value, each feature's phi in turn (smallest |phi| at the bottom), up to f(x) at the
     * top; red raises the output, blue lowers it. Past {@code max} features the smallest share one bar.
     */
    static XYChart waterfall(Explanation e, int max) {
        if (e.rowCount() != 1) {
            throw new IllegalArgumentException("a waterfall shows one row, but the explanation has " + e.rowCount()
                    + " rows: pass explanation.row(i)");
        }
        double[] phi = e.values()[0];
        List<String> order = new ArrayList<>(e.features());
        order.sort(java.util.Comparator.comparingDouble((String f) -> -Math.abs(phi[e.index(f)])));
        int shown = order.size() > max ? max - 1 : order.size();
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int k = 0; k < shown; k++) {
            String f = order.get(k);
            double v = phi[e.index(f)];
            labels.add(f + " = " + e.valueText(0, f) + "   " + signed(v));
            values.add(v);
        }
        if (shown < order.size()) {
            double rest = 0;
            for (int k = shown; k < order.size(); k++) {
                rest += phi[e.index(order.get(k))];
            }
            labels.add((order.size() - shown) + " other features   " + signed(rest));
            values.add(rest);
        }
        int n = labels.size();
        double base = e.baseValue();
        double fx = e.output(0);
        // cumulative path, bottom (smallest, index n - 1) to top (largest, index 0)
        double[] start = new double[n];
        double[] end = new double[n];
        double at = base;
        for (int k = n - 1; k >= 0; k--) {
            start[k] = at;
            at += values.get(k);
            end[k] = at;
        }
        double[] xr = Charts.range(0.08, start, end, new double[] {base, fx});
        String id = e.ids().map(ids -> "row " + ids[0]).orElse("one row");
        XYChart chart = rows(labels, "SHAP waterfall of " + id + ": base value " + Charts.format(base)
                        + " \u2192 f(x) = " + Charts.format(fx),
                "f(x) (" + e.scale().label() + "), against " + count(e.backgroundSize(), "background row")
                        + named(e.backgroundName()), xr[0], xr[1]);
        XYStyler s = chart.getStyler();
        s.setLegendLayout(LegendLayout.Horizontal);
        s.setxAxisTickLabelsFormattingFunction(ticks(xr[1] - xr[0]));
        Bars up = new Bars();
        Bars down = new Bars();
        Charts.Segments links = new Charts.Segments(n);
        for (int k = 0; k < n; k++) {
            int r = n - 1 - k;
            if (values.get(k) != 0) {
                (values.get(k) > 0 ? up : down).add(start[k], end[k], r - HALF, r + HALF);
            }
            if (k > 0) {
                links.add(start[k - 1], r + HALF, start[k - 1], r + 1 - HALF);
            }
        }
        Charts.hidden(links.draw(chart, Charts.INTERNAL + "links", Palette.REFERENCE, Charts.DOTTED));
        Charts.line(chart, "base value E f(background) = " + Charts.format(base), new double[] {base, base},
                new double[] {-0.5, n - 0.5}, Palette.REFERENCE, Charts.DASHED);
        Charts.line(chart, "f(x) = " + Charts.format(fx), new double[] {fx, fx}, new double[] {-0.5, n - 0.5},
                Palette.REFERENCE, Charts.SOLID);
        if (up.count() > 0) {
            up.draw(chart, "raises f(x)", Palette.RAISES);
        }
        if (down.count() > 0) {
            down.draw(chart, "lowers f(x)", Palette.LOWERS);
        }
        return chart;
    }

    /** A chart with one labelled row per entry of {@code labels}, the first on top. */
    static XYChart rows(List<String> labels, String title, String xTitle, double xmin, double xmax) {
        int n = labels.size();
        List<String> bottomUp = new ArrayList<>(labels);
        java.util.Collections.reverse(bottomUp);
        Checks.unique("row labels", bottomUp);
        XYChart chart = Charts.xy(WIDTH, 170 + ROW_PIXELS * n, title, xTitle, null);
        XYStyler s = chart.getStyler();
        s.setYAxisMin(-0.5);
        s.setYAxisMax(n - 0.5);
        s.setXAxisMin(xmin);
        s.setXAxisMax(xmax);
        s.setYAxisTickMarkSpacingHint(ROW_PIXELS);
        s.setyAxisTickLabelsFormattingFunction(Charts.atIntegers(Charts.categoryLabels(bottomUp), n));
        s.setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
        s.setPlotGridHorizontalLinesVisible(false);
        s.setPlotContentSize(1.0);
        s.setAnnotationTextFont(new Font(Charts.FONT, Font.PLAIN, 12));
        s.setAnnotationTextFontColor(java.awt.Color.BLACK);
        return chart;
    }

    /** Tick labels with three significant digits; rounding residue of zero (relative to the axis span) reads 0. */
    static java.util.function.Function<Double, String> ticks(double span) {
        return v -> Charts.format(Math.abs(v) < 1e-9 * Math.abs(span) ? 0 : v);
    }

    /**
     * Widens a legend at the right of the plot by two no-break spaces per label: XChart measures legend text a few
     * pixels narrower than it draws it, which would clip the longest label at the chart's edge.
     */
    static XYChart padLegend(XYChart chart) {
        chart.getSeriesMap().values().stream().filter(s -> s.isShowInLegend())
                .forEach(s -> s.setLabel(s.getLabel() + "\u00A0\u00A0"));
        return chart;
    }

    /** " (name)", or nothing for an unnamed set of rows. */
    static String named(String name) {
        return name == null || name.isEmpty() ? "" : " (" + name + ")";
    }

    static String signed(double v) {
        return (v > 0 ? "+" : v < 0 ? "\u2212" : "") + Charts.format(Math.abs(v));
    }

    static String count(int n, String noun) {
        return String.format(java.util.Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
