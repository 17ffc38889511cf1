package org.foolshap.viz;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.foolshap.fairness.FairnessReport;
import org.foolshap.fairness.GroupRates;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;

/**
 * Group fairness as grouped bars: for each rate (selection rate, TPR, FPR, precision, AUC) one bar per group, with
 * four fifths of the highest selection rate dashed across the selection-rate bars. Undefined (NaN) rates are left
 * out and the group's legend entry says so.
 */
final class FairnessFigure {
    private static final List<String> METRICS = List.of("selection rate", "true-positive rate",
            "false-positive rate", "precision", "AUC");
    private static final List<ToDoubleFunction<GroupRates>> RATES = List.of(GroupRates::selectionRate,
            GroupRates::tpr, GroupRates::fpr, GroupRates::precision, GroupRates::auc);
    private static final double WIDTH = 0.8;

    private FairnessFigure() {
    }

    static XYChart draw(FairnessReport report) {
        List<GroupRates> groups = report.groups();
        int k = groups.size();
        int m = METRICS.size();
        int perMetric = Math.max(150, 18 * k + 40);
        boolean side = k > 3;
        int width = Math.max(960, 130 + perMetric * m + (side ? 300 : 0));
        String verdict = Double.isNaN(report.demographicParityRatio()) ? "parity ratio undefined"
                : "parity ratio " + Charts.format(report.demographicParityRatio()) + " ("
                + (report.passesFourFifthsRule() ? "passes" : "fails") + " the 4/5 rule)";
        XYChart chart = Charts.xy(width, side ? Math.max(560, 140 + 19 * (k + 1)) : 560,
                "Fairness by " + String.join(" \u00D7 ", report.sensitive()) + ", decisions "
                        + report.scale().label() + " \u2265 " + Charts.format(report.threshold()) + ": " + verdict,
                null, "rate within the group (" + String.format(Locale.ROOT, "%,d", report.rows()) + " rows)");
        XYStyler s = chart.getStyler();
        s.setXAxisMin(-0.5);
        s.setXAxisMax(m - 0.5);
        s.setYAxisMin(0.0);
        s.setYAxisMax(1.05);
        s.setXAxisTickMarkSpacingHint(perMetric);
        s.setxAxisTickLabelsFormattingFunction(Charts.atIntegers(Charts.categoryLabels(METRICS), m));
        s.setPlotGridVerticalLinesVisible(false);
        s.setPlotContentSize(1.0);
        if (side) {
            s.setLegendPosition(LegendPosition.OutsideE);
            s.setLegendLayout(LegendLayout.Vertical);
        }
        double slot = WIDTH / Math.max(1, k);
        double maxRate = Double.NEGATIVE_INFINITY;
        for (GroupRates g : groups) {
            if (!Double.isNaN(g.selectionRate())) {
                maxRate = Math.max(maxRate, g.selectionRate());
            }
        }
        for (int gi = 0; gi < k; gi++) {
            GroupRates g = groups.get(gi);
            Bars bars = new Bars();
            int missing = 0;
            for (int mi = 0; mi < m; mi++) {
                double v = RATES.get(mi).applyAsDouble(g);
                if (Double.isNaN(v)) {
                    missing++;
                    continue;
                }
                double left = mi - WIDTH / 2 + gi * slot;
                bars.add(left + 0.08 * slot, left + 0.92 * slot, 0, v);
            }
            String label = g.group() + String.format(Locale.ROOT, " (n = %,d", g.count())
                    + (missing == 0 ? ")" : g.isEmpty() ? ", empty)" : ", " + missing + " undefined)");
            Color color = Palette.cycle(gi);
            if (bars.count() == 0) {
                Bars.legendOnly(chart, Charts.INTERNAL + gi, color).setLabel(label);
            } else {
                bars.draw(chart, Charts.INTERNAL + gi, color).setLabel(label);
            }
        }
        if (maxRate > 0) {
            double bound = FairnessReport.FOUR_FIFTHS * maxRate;
            Charts.line(chart, "4/5 of the highest selection rate = " + Charts.format(bound),
                    new double[] {-0.5, 0.5}, new double[] {bound, bound}, Palette.REFERENCE, Charts.DASHED);
        }
        return side ? ShapBarFigures.padLegend(chart) : chart;
    }
}
