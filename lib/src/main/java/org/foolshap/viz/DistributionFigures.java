package org.foolshap.viz;

import java.awt.Color;
import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.None;

/** Distributions of model outputs: empirical CDFs (what the auditor compares) and histograms by group. */
final class DistributionFigures {
    private DistributionFigures() {
    }

    static XYChart cdfs(double[] fD0, double[] fS0, double[] fD1, double[] fS1, String group0, String group1,
                        String output) {
        Checks.nonEmpty("fD0", fD0);
        Checks.nonEmpty("fD1", fD1);
        if (fS0 != null) {
            Checks.nonEmpty("fS0", fS0);
        }
        if (fS1 != null) {
            Checks.nonEmpty("fS1", fS1);
        }
        double[] xr = Charts.range(0.02, fD0, fD1, fS0 == null ? new double[0] : fS0, fS1 == null ? new double[0] : fS1);
        XYChart chart = Charts.xy(820, 620, "Empirical CDFs of the model output: data vs supplied samples",
                "f(x) (" + output + ")", "fraction of rows with output \u2264 f(x)");
        XYStyler s = chart.getStyler();
        s.setXAxisMin(xr[0]);
        s.setXAxisMax(xr[1]);
        s.setYAxisMin(0.0);
        s.setYAxisMax(1.0);
        s.setLegendLayout(LegendLayout.Vertical);
        step(chart, "D\u2080 " + group0 + ", all data (n = " + fD0.length + ")", fD0, xr, Palette.GROUP0, Charts.SOLID);
        if (fS0 != null) {
            step(chart, "S\u2080\u2032 " + group0 + ", supplied (M = " + fS0.length + ")", fS0, xr, Palette.GROUP0,
                    Charts.DASHED);
        }
        step(chart, "D\u2081 " + group1 + ", all data (n = " + fD1.length + ")", fD1, xr, Palette.GROUP1, Charts.SOLID);
        if (fS1 != null) {
            step(chart, "S\u2081\u2032 " + group1 + ", supplied (M = " + fS1.length + ")", fS1, xr, Palette.GROUP1,
                    Charts.DASHED);
        }
        return chart;
    }

    /** Above this many values the CDF is drawn through this many evenly spaced order statistics. */
    static final int MAX_STEPS = 2000;

    /**
     * ECDF as a step line: (x_(i), i/n), extended flat to both ends of the axis. Large inputs are drawn
     * through MAX_STEPS order statistics (exact there, off by at most 1/MAX_STEPS in between, below a pixel).
     */
    private static XYSeries step(XYChart chart, String name, double[] values, double[] xr, Color color,
                                 java.awt.BasicStroke stroke) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        int k = Math.min(n, MAX_STEPS);
        double[] x = new double[k + 2];
        double[] y = new double[k + 2];
        x[0] = xr[0];
        for (int j = 1; j <= k; j++) {
            int i = (int) Math.round((double) j * n / k);
            x[j] = v[i - 1];
            y[j] = (double) i / n;
        }
        x[k + 1] = xr[1];
        y[k + 1] = 1;
        XYSeries s = Charts.line(chart, name, x, y, color, stroke);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Step);
        return s;
    }

    static XYChart histograms(double[] fD0, double[] fD1, String group0, String group1, String output, int bins) {
        Checks.nonEmpty("fD0", fD0);
        Checks.nonEmpty("fD1", fD1);
        if (bins < 1) {
            throw new IllegalArgumentException("bins = " + bins + " is not >= 1");
        }
        double[] xr = Charts.range(0, fD0, fD1);
        double width = (xr[1] - xr[0]) / bins;
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = xr[0] + b * width;
        }
        XYChart chart = Charts.xy(820, 520, "Model output by group (dashed: group means)", "f(x) (" + output + ")",
                "fraction of the group");
        XYStyler s = chart.getStyler();
        s.setXAxisMin(xr[0] - width);
        s.setXAxisMax(xr[1] + width);
        s.setYAxisMin(0.0);
        double[] h0 = fractions(fD0, edges);
        double[] h1 = fractions(fD1, edges);
        hist(chart, group0 + " (n = " + fD0.length + ", mean " + Charts.format(mean(fD0)) + ")", edges, h0,
                Palette.GROUP0);
        hist(chart, group1 + " (n = " + fD1.length + ", mean " + Charts.format(mean(fD1)) + ")", edges, h1,
                Palette.GROUP1);
        double top = 0;
        for (int b = 0; b < bins; b++) {
            top = Math.max(top, Math.max(h0[b], h1[b]));
        }
        s.setYAxisMax(top * 1.08);
        Charts.hidden(Charts.line(chart, Charts.INTERNAL + "mean 0", new double[] {mean(fD0), mean(fD0)},
                new double[] {0, top * 1.08}, Palette.GROUP0, Charts.DASHED));
        Charts.hidden(Charts.line(chart, Charts.INTERNAL + "mean 1", new double[] {mean(fD1), mean(fD1)},
                new double[] {0, top * 1.08}, Palette.GROUP1, Charts.DASHED));
        return chart;
    }

    static double[] fractions(double[] values, double[] edges) {
        int bins = edges.length - 1;
        double[] h = new double[bins];
        double lo = edges[0];
        double width = (edges[bins] - lo) / bins;
        for (double v : values) {
            int b = (int) Math.floor((v - lo) / width);
            h[Math.max(0, Math.min(bins - 1, b))] += 1.0 / values.length;
        }
        return h;
    }

    /** Histogram outline with a translucent fill, drawn as a closed polygon of the bar tops. */
    private static void hist(XYChart chart, String name, double[] edges, double[] h, Color color) {
        int bins = h.length;
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = edges[0];
        y[0] = 0;
        for (int b = 0; b < bins; b++) {
            x[1 + 2 * b] = edges[b];
            y[1 + 2 * b] = h[b];
            x[2 + 2 * b] = edges[b + 1];
            y[2 + 2 * b] = h[b];
        }
        x[2 * bins + 1] = edges[bins];
        y[2 * bins + 1] = 0;
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
        s.setMarker(new None());
        s.setLineColor(color);
        s.setLineStyle(Charts.SOLID);
        s.setFillColor(Palette.translucent(color, 70));
    }

    static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }
}
