package org.foolshap.viz;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foolshap.shap.Attributions;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Horizontal dot-and-interval plot of global attributions: one row per feature (sorted by the first series'
 * |Phi|, largest on top), one dot per series with its confidence interval as a capped horizontal segment,
 * the sensitive feature's row shaded. XChart's horizontal bars have no error bars, hence this form.
 */
final class AttributionFigure {
    static final int WIDTH = 960;
    static final int ROW_PIXELS_PER_SERIES = 12;
    static final int MIN_ROW_PIXELS = 26;
    private static final double SPREAD = 0.62;

    private AttributionFigure() {
    }

    static XYChart draw(Map<String, Attributions> series, Map<String, Color> colors, String sensitive,
                        String title, String xTitle) {
        Checks.notEmpty("series", series.keySet());
        Attributions first = series.values().iterator().next();
        List<String> features = first.features();
        check(series, features);
        Checks.contains("sensitive feature", features, sensitive);
        Checks.unique("features", features);

        List<String> order = new ArrayList<>(features);
        order.sort(Comparator.comparingDouble((String f) -> -Math.abs(first.value(f))));
        int n = order.size();
        int k = series.size();
        int row = Math.max(MIN_ROW_PIXELS, 8 + ROW_PIXELS_PER_SERIES * k);
        int height = 150 + 18 * ((k + 2) / 3) + row * n;

        List<String> labels = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            String f = order.get(n - 1 - r);
            labels.add(f.equals(sensitive) ? "\u25B6 " + f + " (sensitive)" : f);
        }

        List<double[]> all = new ArrayList<>();
        for (Attributions a : series.values()) {
            double[] lo = a.values();
            double[] hi = a.values();
            double[] hw = a.halfWidths();
            for (int i = 0; i < lo.length; i++) {
                lo[i] -= hw[i];
                hi[i] += hw[i];
            }
            all.add(lo);
            all.add(hi);
        }
        all.add(new double[] {0});
        double[] xr = Charts.range(0.06, all.toArray(new double[0][]));

        String confidence = Math.round(first.confidence() * 100) + "% CI";
        XYChart chart = Charts.xy(WIDTH, height, title, xTitle + " (dots: \u03A6, bars: " + confidence + ")", null);
        XYStyler s = chart.getStyler();
        s.setYAxisMin(-0.5);
        s.setYAxisMax(n - 0.5);
        s.setXAxisMin(xr[0]);
        s.setXAxisMax(xr[1]);
        s.setYAxisTickMarkSpacingHint(row);
        s.setyAxisTickLabelsFormattingFunction(Charts.atIntegers(Charts.categoryLabels(labels), n));
        s.setPlotContentSize(1.0);
        s.setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
        s.setMarkerSize(9);

        if (sensitive != null) {
            int r = n - 1 - order.indexOf(sensitive);
            Charts.band(chart, Charts.INTERNAL + "sensitive row", new double[] {xr[0], xr[1]}, new double[] {r - 0.5, r - 0.5},
                    new double[] {r + 0.5, r + 0.5}, Palette.translucent(Palette.SENSITIVE, 38));
        }
        Charts.hidden(Charts.line(chart, Charts.INTERNAL + "zero", new double[] {0, 0}, new double[] {-0.5, n - 0.5},
                Palette.REFERENCE, Charts.THIN));

        double step = k == 1 ? 0 : SPREAD / k;
        int j = 0;
        for (Map.Entry<String, Attributions> e : series.entrySet()) {
            Attributions a = e.getValue();
            Color color = colors.get(e.getKey());
            double offset = (j - (k - 1) / 2.0) * -step;
            double cap = Math.min(0.12, 0.8 * (k == 1 ? 0.3 : step / 2));
            double[] x = new double[n];
            double[] y = new double[n];
            Charts.Segments ci = new Charts.Segments(3 * n);
            for (int r = 0; r < n; r++) {
                String f = order.get(n - 1 - r);
                double v = a.value(f);
                double h = a.halfWidth(f);
                x[r] = v;
                y[r] = r + offset;
                ci.add(v - h, y[r], v + h, y[r]);
                ci.add(v - h, y[r] - cap, v - h, y[r] + cap);
                ci.add(v + h, y[r] - cap, v + h, y[r] + cap);
            }
            Charts.hidden(ci.draw(chart, Charts.INTERNAL + e.getKey() + " CI", color, Charts.SOLID));
            XYSeries dots = Charts.dots(chart, e.getKey(), x, y, color);
            dots.setMarker(SeriesMarkers.CIRCLE);
            j++;
        }
        return chart;
    }

    private static void check(Map<String, Attributions> series, List<String> features) {
        for (Map.Entry<String, Attributions> e : series.entrySet()) {
            Attributions a = Checks.notNull("attributions \"" + e.getKey() + "\"", e.getValue());
            if (!new java.util.HashSet<>(a.features()).equals(new java.util.HashSet<>(features))) {
                throw new IllegalArgumentException("attributions \"" + e.getKey() + "\" have features "
                        + a.features() + " but the first series has " + features);
            }
            double[] v = a.values();
            double[] h = a.halfWidths();
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new IllegalArgumentException("attributions \"" + e.getKey() + "\": Phi of "
                            + a.features().get(i) + " is " + v[i]);
                }
                if (!(h[i] >= 0) || Double.isInfinite(h[i])) {
                    throw new IllegalArgumentException("attributions \"" + e.getKey() + "\": CI half-width of "
                            + a.features().get(i) + " is " + h[i]);
                }
            }
        }
    }

    static Map<String, Color> defaultColors(List<String> names) {
        Map<String, Color> colors = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            colors.put(names.get(i), i == 0 ? Palette.HONEST : i == 1 ? Palette.MANIPULATED
                    : Palette.method(names.get(i), i + 1));
        }
        return colors;
    }
}
