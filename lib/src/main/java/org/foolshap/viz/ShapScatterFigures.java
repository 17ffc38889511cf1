package org.foolshap.viz;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.foolshap.shap.Explanation;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * shap's beeswarm and dependence scatter plots: one dot per explained row, coloured by a feature's value
 * ({@link ValueColors}).
 */
final class ShapScatterFigures {
    static final int ROW_PIXELS = 44;
    static final int LEGEND_ENTRY_PIXELS = 19;
    /** Bins per feature row in which dots are stacked (as shap's beeswarm). */
    static final int BINS = 100;
    private static final double ROW_HALF_HEIGHT = 0.4;

    private ShapScatterFigures() {
    }

    /**
     * One row per feature (largest mean |phi| on top, at most {@code max}), a dot per explained row at its phi,
     * stacked vertically where dots crowd, coloured by the feature's value.
     */
    static XYChart beeswarm(Explanation e, int max) {
        List<String> order = e.byImportance();
        int total = order.size();
        if (order.size() > max) {
            order = order.subList(0, max);
        }
        int n = order.size();
        List<String> bottomUp = new ArrayList<>(order);
        java.util.Collections.reverse(bottomUp);

        List<double[]> allPhi = new ArrayList<>();
        for (String f : order) {
            allPhi.add(e.values(f));
        }
        allPhi.add(new double[] {0});
        double[] xr = Charts.range(0.05, allPhi.toArray(new double[0][]));

        // gradient steps of every numeric feature share one series per colour; each level of a categorical
        // feature is its own legend entry
        List<List<Double>> stepX = new ArrayList<>();
        List<List<Double>> stepY = new ArrayList<>();
        for (int k = 0; k < ValueColors.STEPS; k++) {
            stepX.add(new ArrayList<>());
            stepY.add(new ArrayList<>());
        }
        boolean numeric = false;
        // legend entries in plot order, top down: each categorical feature's name, then its levels
        List<String> legend = new ArrayList<>();
        List<Color> legendColors = new ArrayList<>();
        List<double[][]> levelPoints = new ArrayList<>();
        for (int r = n - 1; r >= 0; r--) {
            String f = bottomUp.get(r);
            double[] phi = e.values(f);
            double[] offsets = swarm(phi, e.featureValues(f));
            if (e.isCategorical(f)) {
                legend.add(f);
                legendColors.add(null);
                levelPoints.add(null);
                for (ValueColors.Bucket b : ValueColors.levels(e, f)) {
                    legend.add("  " + b.label().substring(f.length() + 2));
                    legendColors.add(b.color());
                    levelPoints.add(points(phi, offsets, r, b.rows()));
                }
            } else {
                numeric = true;
                double[] t = ValueColors.scaled(e.featureValues(f));
                for (int i = 0; i < phi.length; i++) {
                    int k = Math.min(ValueColors.STEPS - 1, (int) Math.floor(t[i] * ValueColors.STEPS));
                    stepX.get(k).add(phi[i]);
                    stepY.get(k).add(r + offsets[i]);
                }
            }
        }
        int entries = legend.size() + (numeric ? 2 : 0);
        int height = Math.max(160 + ROW_PIXELS * n, 130 + LEGEND_ENTRY_PIXELS * entries);
        String shown = total > n ? " (top " + n + " of " + total + " features)" : "";
        XYChart chart = Charts.xy(1060, height, "SHAP values of " + ShapBarFigures.count(e.rowCount(), "row")
                        + ShapBarFigures.named(e.rowsName()) + shown,
                "\u03C6 = contribution to f(x) \u2212 mean f(background) (" + e.scale().label() + "), against "
                        + ShapBarFigures.count(e.backgroundSize(), "background row"), null);
        XYStyler s = chart.getStyler();
        s.setYAxisMin(-0.5);
        s.setYAxisMax(n - 0.5);
        s.setXAxisMin(xr[0]);
        s.setXAxisMax(xr[1]);
        s.setYAxisTickMarkSpacingHint((height - 160) / Math.max(1, n));
        s.setyAxisTickLabelsFormattingFunction(Charts.atIntegers(Charts.categoryLabels(bottomUp), n));
        s.setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
        s.setPlotContentSize(1.0);
        s.setPlotGridHorizontalLinesVisible(false);
        s.setLegendPosition(LegendPosition.OutsideE);
        s.setLegendLayout(LegendLayout.Vertical);
        s.setMarkerSize(e.rowCount() > 2000 ? 4 : 6);
        s.setxAxisTickLabelsFormattingFunction(ShapBarFigures.ticks(xr[1] - xr[0]));

        Charts.hidden(Charts.line(chart, Charts.INTERNAL + "zero", new double[] {0, 0}, new double[] {-0.5, n - 0.5},
                Palette.REFERENCE, Charts.THIN));
        for (int k = 0; k < ValueColors.STEPS; k++) {
            if (!stepX.get(k).isEmpty()) {
                Charts.hidden(dots(chart, Charts.INTERNAL + "value step " + k, toArray(stepX.get(k)),
                        toArray(stepY.get(k)), Palette.gradient((k + 0.5) / ValueColors.STEPS)));
            }
        }
        if (numeric) {
            dots(chart, "high feature value", new double[] {Double.NaN}, new double[] {Double.NaN},
                    Palette.gradient(1));
            dots(chart, "low feature value", new double[] {Double.NaN}, new double[] {Double.NaN},
                    Palette.gradient(0));
        }
        for (int b = 0; b < legend.size(); b++) {
            double[][] p = levelPoints.get(b);
            if (p == null) {
                // a feature's name heading its levels: text only
                XYSeries heading = dots(chart, Charts.INTERNAL + b + " " + legend.get(b), new double[] {Double.NaN},
                        new double[] {Double.NaN}, Color.WHITE);
                heading.setMarker(new org.knowm.xchart.style.markers.None());
                heading.setLabel(legend.get(b));
                continue;
            }
            XYSeries series = dots(chart, Charts.INTERNAL + b + " " + legend.get(b), p[0], p[1], legendColors.get(b));
            series.setLabel(legend.get(b));
        }
        return ShapBarFigures.padLegend(chart);
    }

    /**
     * phi_i against x_i (categorical x_i: its levels along the axis, dots spread within each level), coloured by
     * another feature's value, or in one colour when {@code colorBy} is null.
     */
    static XYChart dependence(Explanation e, String feature, String colorBy) {
        e.index(feature);
        if (colorBy != null) {
            e.index(colorBy);
        }
        double[] phi = e.values(feature);
        double[] x = e.featureValues(feature);
        boolean categorical = e.isCategorical(feature);
        List<String> levelNames = new ArrayList<>();
        if (categorical) {
            // the axis shows the levels present, in code order, at 0, 1, 2, ...
            List<String> level = e.levels(feature).orElseThrow();
            java.util.TreeMap<Double, String> byCode = new java.util.TreeMap<>();
            for (int r = 0; r < x.length; r++) {
                byCode.putIfAbsent(x[r], level.get(r));
            }
            List<Double> codes = new ArrayList<>(byCode.keySet());
            levelNames.addAll(byCode.values());
            double[] spread = new double[x.length];
            int[] seen = new int[codes.size()];
            for (int r = 0; r < x.length; r++) {
                int p = codes.indexOf(x[r]);
                double u = (seen[p]++ * 0.6180339887498949) % 1.0;
                spread[r] = p + (u - 0.5) * 0.6;
            }
            x = spread;
        }
        double[] xr = categorical ? new double[] {-0.5, levelNames.size() - 0.5} : Charts.range(0.04, x);
        double[] yr = Charts.range(0.06, phi, new double[] {0});
        String title = "Dependence of \u03C6(" + feature + ") on " + feature
                + (colorBy == null ? "" : ", coloured by " + colorBy) + " (" + ShapBarFigures.count(e.rowCount(), "row")
                + ")";
        XYChart chart = Charts.xy(colorBy == null ? 820 : 980, 560, title, feature + (categorical ? " (level)" : ""),
                "\u03C6(" + feature + ") (" + e.scale().label() + ")");
        XYStyler s = chart.getStyler();
        s.setXAxisMin(xr[0]);
        s.setXAxisMax(xr[1]);
        s.setYAxisMin(yr[0]);
        s.setYAxisMax(yr[1]);
        s.setMarkerSize(e.rowCount() > 2000 ? 4 : 6);
        s.setyAxisTickLabelsFormattingFunction(ShapBarFigures.ticks(yr[1] - yr[0]));
        if (!categorical) {
            s.setxAxisTickLabelsFormattingFunction(ShapBarFigures.ticks(xr[1] - xr[0]));
        }
        if (categorical) {
            int longest = levelNames.stream().mapToInt(String::length).max().orElse(1);
            s.setXAxisTickMarkSpacingHint(Math.max(40, Math.min(120, 8 * longest)));
            s.setxAxisTickLabelsFormattingFunction(Charts.atIntegers(Charts.categoryLabels(levelNames),
                    levelNames.size()));
            s.setPlotGridVerticalLinesVisible(false);
            if (levelNames.size() * 8 * longest > 700) {
                s.setXAxisLabelRotation(30);
            }
        }
        s.setLegendPosition(LegendPosition.OutsideE);
        s.setLegendLayout(LegendLayout.Vertical);
        Charts.hidden(Charts.line(chart, Charts.INTERNAL + "zero", new double[] {xr[0], xr[1]}, new double[] {0, 0},
                Palette.REFERENCE, Charts.THIN));
        if (colorBy == null) {
            Charts.hidden(dots(chart, "\u03C6(" + feature + ")", x, phi, Palette.HONEST));
            s.setLegendVisible(false);
            return chart;
        }
        List<ValueColors.Bucket> buckets = ValueColors.of(e, colorBy);
        int b = 0;
        for (ValueColors.Bucket bucket : buckets) {
            double[][] p = points(x, phi, bucket.rows());
            XYSeries series = dots(chart, Charts.INTERNAL + "bucket " + b++, p[0], p[1], bucket.color());
            if (bucket.label() == null) {
                Charts.hidden(series);
            } else {
                series.setLabel(bucket.label());
            }
        }
        if (!e.isCategorical(colorBy)) {
            dots(chart, colorBy + ": high", new double[] {Double.NaN}, new double[] {Double.NaN}, Palette.gradient(1));
            dots(chart, colorBy + ": low", new double[] {Double.NaN}, new double[] {Double.NaN}, Palette.gradient(0));
        }
        return ShapBarFigures.padLegend(chart);
    }

    /**
     * Vertical offsets that stack dots falling into the same of {@link #BINS} bins of phi, alternating above and
     * below the row's centre (within a bin, in order of the feature's value, so colours layer), scaled so the
     * tallest stack fills the row.
     */
    static double[] swarm(double[] phi, double[] value) {
        int n = phi.length;
        double lo = Arrays.stream(phi).min().orElse(0);
        double hi = Arrays.stream(phi).max().orElse(0);
        int[] bin = new int[n];
        for (int i = 0; i < n; i++) {
            bin[i] = hi > lo ? (int) Math.round(BINS * (phi[i] - lo) / (hi - lo)) : 0;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> bin[a] != bin[b] ? Integer.compare(bin[a], bin[b])
                : Double.compare(value[a], value[b]));
        double[] y = new double[n];
        int layer = 0;
        int last = Integer.MIN_VALUE;
        double tallest = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (bin[i] != last) {
                layer = 0;
            }
            y[i] = Math.ceil(layer / 2.0) * ((layer % 2) * 2 - 1);
            tallest = Math.max(tallest, Math.abs(y[i]));
            layer++;
            last = bin[i];
        }
        double scale = ROW_HALF_HEIGHT / Math.max(1, tallest + 1);
        for (int i = 0; i < n; i++) {
            y[i] *= scale;
        }
        return y;
    }

    private static double[][] points(double[] phi, double[] offsets, int row, int[] rows) {
        double[] px = new double[rows.length];
        double[] py = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            px[k] = phi[rows[k]];
            py[k] = row + offsets[rows[k]];
        }
        return new double[][] {px, py};
    }

    private static double[][] points(double[] x, double[] y, int[] rows) {
        double[] px = new double[rows.length];
        double[] py = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            px[k] = x[rows[k]];
            py[k] = y[rows[k]];
        }
        return new double[][] {px, py};
    }

    private static XYSeries dots(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        return s;
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
