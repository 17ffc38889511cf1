package org.foolshap.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.function.IntFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.None;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Shared styling and drawing primitives (segments, bands, categorical axes) on top of XChart's XYChart. */
final class Charts {
    static final String FONT = Font.SANS_SERIF;
    /** Prefix of helper series names (invisible separator), so they cannot clash with a user's label. */
    static final String INTERNAL = "\u2063";
    static final BasicStroke SOLID = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke THIN = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 4f}, 0f);
    static final BasicStroke DOTTED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {2f, 3f}, 0f);

    private Charts() {
    }

    /** A white XY chart with titles, readable fonts and the legend below the plot (never over the data). */
    static XYChart xy(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x999999));
        s.setPlotGridLinesColor(Palette.GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 12));
        s.setLegendFont(new Font(FONT, Font.PLAIN, 12));
        s.setLegendPosition(LegendPosition.OutsideS);
        s.setLegendLayout(LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setChartFontColor(Color.BLACK);
        s.setAxisTickLabelsColor(Color.BLACK);
        s.setChartPadding(12);
        s.setPlotContentSize(0.95);
        s.setMarkerSize(8);
        s.setToolTipsEnabled(false);
        s.setAntiAlias(true);
        return chart;
    }

    /** A line series drawn without markers. */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarker(new None());
        s.setLineColor(color);
        s.setLineStyle(stroke);
        return s;
    }

    /** A helper series (reference line, band, interval) that is not listed in the legend. */
    static XYSeries hidden(XYSeries s) {
        s.setShowInLegend(false);
        return s;
    }

    /** Dots without lines. */
    static XYSeries dots(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        return s;
    }

    /** A filled polygon between lower and upper (x ascending), e.g. mean +- sd. */
    static XYSeries band(XYChart chart, String name, double[] x, double[] lower, double[] upper, Color fill) {
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = upper[i];
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = lower[i];
        }
        XYSeries s = chart.addSeries(name, px, py);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        s.setMarker(new None());
        s.setFillColor(fill);
        s.setLineColor(Palette.translucent(fill, 0));
        s.setLineStyle(new BasicStroke(0f));
        return hidden(s);
    }

    /**
     * Collects disjoint segments into one series (NaN separates them), so that a hundred intervals cost one
     * series rather than a hundred.
     */
    static final class Segments {
        private final double[] x;
        private final double[] y;
        private int n;

        Segments(int segments) {
            x = new double[3 * segments];
            y = new double[3 * segments];
        }

        Segments add(double x0, double y0, double x1, double y1) {
            x[n] = x0;
            y[n++] = y0;
            x[n] = x1;
            y[n++] = y1;
            x[n] = Double.NaN;
            y[n++] = Double.NaN;
            return this;
        }

        XYSeries draw(XYChart chart, String name, Color color, BasicStroke stroke) {
            return line(chart, name, java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n), color, stroke);
        }
    }

    /** Name i of the list for position i. */
    static IntFunction<String> categoryLabels(List<String> names) {
        return i -> i >= 0 && i < names.size() ? names.get(i) : "";
    }

    /**
     * A tick-label function for a categorical axis: label(i) at the integer positions 0..n-1, distinct invisible
     * labels elsewhere. With the tick spacing hint set to the pixels per unit, XChart settles on a step of 1,
     * one tick per category, so no label is dropped (as long as the n labels are distinct).
     */
    static java.util.function.Function<Double, String> atIntegers(IntFunction<String> label, int n) {
        java.util.Map<Double, String> blanks = new java.util.HashMap<>();
        return v -> {
            long r = Math.round(v);
            if (Math.abs(v - r) < 1e-6 && r >= 0 && r < n) {
                return label.apply((int) r);
            }
            // Every other position gets its own invisible label (zero-width spaces): XChart treats an axis
            // whose min and max labels are equal as a single-value axis, and retries ever coarser steps
            // while any two labels are equal, which would never end with a shared blank.
            return blanks.computeIfAbsent(v, k -> "\u200B".repeat(blanks.size() + 1));
        };
    }

    /** Three significant digits without trailing zeros: 0.05, 2, 0.113, 1.5e-05. */
    static String format(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e6)) {
            return String.format(java.util.Locale.ROOT, "%.2e", v);
        }
        return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.3g", v)).stripTrailingZeros()
                .toPlainString();
    }

    /** [min, max] of all finite values, widened by a fraction on each side (and never empty). */
    static double[] range(double pad, double[]... arrays) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        double span = hi - lo;
        if (span == 0) {
            span = Math.max(Math.abs(lo), 1e-3);
        }
        return new double[] {lo - pad * span, hi + pad * span};
    }
}
