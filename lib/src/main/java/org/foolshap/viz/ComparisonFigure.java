package org.foolshap.viz;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Dot plot of one value per run (e.g. the relative decrease of |Phi_s|), per method, optionally grouped by
 * dataset (the paper's Figure 5): every run is a dot, the mean a black bar.
 */
final class ComparisonFigure {
    private static final double GROUP_WIDTH = 0.76;

    private ComparisonFigure() {
    }

    static XYChart draw(Map<String, Map<String, double[]>> byGroup, String valueName, String title,
                        boolean grouped) {
        Checks.notEmpty(grouped ? "valuesByDatasetAndMethod" : "valuesByMethod", byGroup.keySet());
        LinkedHashSet<String> methodSet = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, double[]>> g : byGroup.entrySet()) {
            Checks.notNull("methods of dataset " + g.getKey(), g.getValue());
            Checks.notEmpty(grouped ? "methods of dataset " + g.getKey() : "valuesByMethod", g.getValue().keySet());
            for (Map.Entry<String, double[]> m : g.getValue().entrySet()) {
                String where = grouped ? g.getKey() + " / " + m.getKey() : m.getKey();
                Checks.nonEmpty("values of " + where, m.getValue());
                methodSet.add(m.getKey());
            }
        }
        List<String> methods = new ArrayList<>(methodSet);
        List<String> groups = new ArrayList<>(byGroup.keySet());
        List<String> ticks = grouped ? groups : methods;
        int nTicks = ticks.size();
        int slots = grouped ? methods.size() : 1;
        int longest = ticks.stream().mapToInt(String::length).max().orElse(1);
        int perTick = Math.max(grouped ? 70 * slots : 120, 9 * longest + 20);
        int width = Math.max(560, 140 + perTick * nTicks);

        List<double[]> all = new ArrayList<>();
        byGroup.values().forEach(m -> all.addAll(m.values()));
        all.add(new double[] {0});
        double[] yr = Charts.range(0.08, all.toArray(new double[0][]));

        XYChart chart = Charts.xy(width, 540, title, null, valueName);
        XYStyler s = chart.getStyler();
        s.setXAxisMin(-0.5);
        s.setXAxisMax(nTicks - 0.5);
        s.setYAxisMin(yr[0]);
        s.setYAxisMax(yr[1]);
        s.setXAxisTickMarkSpacingHint(perTick);
        s.setxAxisTickLabelsFormattingFunction(Charts.atIntegers(Charts.categoryLabels(ticks), nTicks));
        s.setPlotGridVerticalLinesVisible(false);
        s.setPlotContentSize(1.0);
        s.setMarkerSize(9);
        s.setLegendVisible(grouped);

        Charts.hidden(Charts.line(chart, Charts.INTERNAL + "zero", new double[] {-0.5, nTicks - 0.5}, new double[] {0, 0},
                Palette.REFERENCE, Charts.THIN));
        Charts.Segments means = new Charts.Segments(nTicks * slots);
        double slot = GROUP_WIDTH / slots;
        for (int mi = 0; mi < methods.size(); mi++) {
            String method = methods.get(mi);
            Color color = Palette.method(method, mi);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int gi = 0; gi < groups.size(); gi++) {
                double[] v = byGroup.get(groups.get(gi)).get(method);
                if (v == null) {
                    continue;
                }
                double centre = grouped ? gi + (mi - (slots - 1) / 2.0) * slot : mi;
                double jitter = 0.55 * slot;
                for (int i = 0; i < v.length; i++) {
                    double u = v.length == 1 ? 0.5 : (i * 0.6180339887498949) % 1.0;
                    xs.add(centre + (u - 0.5) * jitter);
                    ys.add(v[i]);
                }
                double m = DistributionFigures.mean(v);
                means.add(centre - 0.42 * slot, m, centre + 0.42 * slot, m);
            }
            XYSeries d = Charts.dots(chart, method, toArray(xs), toArray(ys), Palette.translucent(color, 200));
            d.setMarker(SeriesMarkers.CIRCLE);
        }
        means.draw(chart, Charts.INTERNAL + "mean", Color.BLACK, new java.awt.BasicStroke(2.5f)).setLabel("mean");
        if (!grouped) {
            chart.getStyler().setLegendVisible(true);
            chart.getSeriesMap().values().forEach(x -> x.setShowInLegend(x.getName().equals(Charts.INTERNAL + "mean")));
        }
        return chart;
    }

    static Map<String, Map<String, double[]>> single(Map<String, double[]> valuesByMethod) {
        Checks.notNull("valuesByMethod", valuesByMethod);
        Map<String, Map<String, double[]>> m = new LinkedHashMap<>();
        m.put("", valuesByMethod);
        return m;
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
