package org.foolshap.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.None;

/**
 * Filled rectangles collected into one polygon series (NaN separates them), so that bars of one colour cost one
 * series, and its legend entry is a filled box. XChart's category charts have no horizontal bars; these do.
 */
final class Bars {
    private double[] x = new double[32];
    private double[] y = new double[32];
    private int n;
    private int count;

    /** The rectangle [x0, x1] x [y0, y1] (corners in any order). */
    Bars add(double x0, double x1, double y0, double y1) {
        grow(5);
        double[][] corners = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
        for (double[] c : corners) {
            x[n] = c[0];
            y[n++] = c[1];
        }
        x[n] = Double.NaN;
        y[n++] = Double.NaN;
        count++;
        return this;
    }

    int count() {
        return count;
    }

    XYSeries draw(XYChart chart, String name, Color fill) {
        XYSeries s = chart.addSeries(name, Arrays.copyOf(x, Math.max(0, n - 1)), Arrays.copyOf(y, Math.max(0, n - 1)));
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        s.setMarker(new None());
        s.setFillColor(fill);
        s.setLineColor(fill);
        s.setLineStyle(new BasicStroke(1f));
        return s;
    }

    /** A legend entry with nothing drawn (a single NaN point), e.g. for an empty group. */
    static XYSeries legendOnly(XYChart chart, String name, Color fill) {
        XYSeries s = chart.addSeries(name, new double[] {Double.NaN}, new double[] {Double.NaN});
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        s.setMarker(new None());
        s.setFillColor(fill);
        s.setLineColor(fill);
        return s;
    }

    private void grow(int k) {
        if (n + k > x.length) {
            x = Arrays.copyOf(x, 2 * (n + k));
            y = Arrays.copyOf(y, 2 * (n + k));
        }
    }
}
