package org.foolshap.viz;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The lambda sweep of the attack: manipulated attributions and detection rate against lambda (log axis). */
final class LambdaFigures {
    /** Above this many features, non-sensitive curves share one legend entry. */
    static final int MAX_LEGEND_FEATURES = 16;
    private static final Color OTHERS = new Color(0x9A9A9A);

    private LambdaFigures() {
    }

    static XYChart curves(double[] lambdas, List<String> features, double[][] meanPhi, double[][] sdPhi,
                          String sensitive, String output, double chosen) {
        Checks.positive("lambdas", lambdas);
        if (lambdas.length < 2) {
            throw new IllegalArgumentException("lambdas has " + lambdas.length + " values; a curve needs >= 2");
        }
        Checks.notEmpty("features", features);
        Checks.matrix("meanPhi", meanPhi, lambdas.length, "lambdas", features.size(), "features");
        if (sdPhi != null) {
            Checks.matrix("sdPhi", sdPhi, lambdas.length, "lambdas", features.size(), "features");
            for (int l = 0; l < sdPhi.length; l++) {
                Checks.nonNegative("sdPhi[" + l + "]", sdPhi[l]);
            }
        }
        Checks.contains("sensitive feature", features, sensitive);
        Checks.unique("features", features);
        checkChosen(chosen);
        int[] order = ascending(lambdas);
        int nf = features.size();
        int nl = lambdas.length;
        double[] x = new double[nl];
        double[][] mean = new double[nf][nl];
        double[][] lo = new double[nf][nl];
        double[][] hi = new double[nf][nl];
        for (int i = 0; i < nl; i++) {
            int l = order[i];
            x[i] = lambdas[l];
            for (int f = 0; f < nf; f++) {
                double sd = sdPhi == null ? 0 : sdPhi[l][f];
                mean[f][i] = meanPhi[l][f];
                lo[f][i] = meanPhi[l][f] - sd;
                hi[f][i] = meanPhi[l][f] + sd;
            }
        }
        boolean legendAll = nf <= MAX_LEGEND_FEATURES;
        XYChart chart = Charts.xy(legendAll ? 960 : 820, 580,
                "Manipulated attributions vs \u03BB" + (sdPhi == null ? "" : " (bands: mean \u00B1 sd over samples)"),
                "\u03BB (log scale)", "\u03A6 (" + output + ")");
        XYStyler s = chart.getStyler();
        s.setXAxisLogarithmic(true);
        s.setXAxisMin(Double.isNaN(chosen) ? x[0] : Math.min(x[0], chosen));
        s.setXAxisMax(Double.isNaN(chosen) ? x[nl - 1] : Math.max(x[nl - 1], chosen));
        double[] yr = Charts.range(0.05, concat(lo), concat(hi), new double[] {0});
        s.setYAxisMin(yr[0]);
        s.setYAxisMax(yr[1]);
        if (legendAll) {
            s.setLegendPosition(LegendPosition.OutsideE);
            s.setLegendLayout(LegendLayout.Vertical);
        }
        int si = sensitive == null ? -1 : features.indexOf(sensitive);
        if (sdPhi != null) {
            for (int f = 0; f < nf; f++) {
                if (f != si) {
                    Charts.band(chart, Charts.INTERNAL + "band " + f, x, lo[f], hi[f],
                            Palette.translucent(legendAll ? color(f, si) : OTHERS, legendAll ? 28 : 12));
                }
            }
            if (si >= 0) {
                Charts.band(chart, Charts.INTERNAL + "sensitive band", x, lo[si], hi[si], Palette.translucent(Palette.SENSITIVE, 60));
            }
        }
        Charts.hidden(Charts.line(chart, Charts.INTERNAL + "zero", new double[] {x[0], x[nl - 1]}, new double[] {0, 0},
                Palette.REFERENCE, Charts.THIN));
        boolean othersListed = false;
        for (int f = 0; f < nf; f++) {
            if (f == si) {
                continue;
            }
            String name = legendAll ? features.get(f) : "other features";
            // Past the legend limit the other curves share one grey, so that the single legend entry is true.
            XYSeries c = Charts.line(chart, legendAll ? name : features.get(f), x, mean[f],
                    legendAll ? color(f, si) : OTHERS, Charts.THIN);
            if (!legendAll) {
                c.setLabel(name);
                c.setShowInLegend(!othersListed);
                othersListed = true;
            }
        }
        if (!Double.isNaN(chosen)) {
            Charts.line(chart, "chosen \u03BB = " + Charts.format(chosen), new double[] {chosen, chosen},
                    new double[] {yr[0], yr[1]}, Palette.MANIPULATED, Charts.DASHED);
        }
        if (si >= 0) {
            XYSeries c = Charts.line(chart, sensitive + " (sensitive)", x, mean[si], Palette.SENSITIVE,
                    new java.awt.BasicStroke(3.2f, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND));
            c.setMarker(SeriesMarkers.CIRCLE);
            c.setMarkerColor(Palette.SENSITIVE);
        }
        return chart;
    }

    private static Color color(int f, int sensitive) {
        return Palette.cycle(sensitive >= 0 && f > sensitive ? f - 1 : f);
    }

    static XYChart detection(double[] lambdas, double[] rate, double[] rateHalfWidths, double alpha,
                             double threshold, double chosen) {
        Checks.positive("lambdas", lambdas);
        if (lambdas.length == 0) {
            throw new IllegalArgumentException("lambdas is empty");
        }
        Checks.probabilities("detectionRate", rate);
        Checks.sameLength("detectionRate", rate.length, "lambdas", lambdas.length);
        if (rateHalfWidths != null) {
            Checks.nonNegative("rateHalfWidths", rateHalfWidths);
            Checks.sameLength("rateHalfWidths", rateHalfWidths.length, "lambdas", lambdas.length);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha = " + alpha + " is not in (0, 1)");
        }
        checkChosen(chosen);
        int[] order = ascending(lambdas);
        int nl = lambdas.length;
        double[] x = new double[nl];
        double[] y = new double[nl];
        double[] e = new double[nl];
        for (int i = 0; i < nl; i++) {
            x[i] = lambdas[order[i]];
            y[i] = rate[order[i]];
            e[i] = rateHalfWidths == null ? 0 : rateHalfWidths[order[i]];
        }
        double xmin = Double.isNaN(chosen) ? x[0] : Math.min(x[0], chosen);
        double xmax = Double.isNaN(chosen) ? x[nl - 1] : Math.max(x[nl - 1], chosen);
        if (xmin == xmax) {
            xmin /= 2;
            xmax *= 2;
        }
        XYChart chart = Charts.xy(820, 520, "Detection rate of the manipulated samples vs \u03BB",
                "\u03BB (log scale)", "fraction of samples detected");
        XYStyler s = chart.getStyler();
        s.setXAxisLogarithmic(true);
        s.setXAxisMin(xmin);
        s.setXAxisMax(xmax);
        s.setYAxisMin(0.0);
        s.setYAxisMax(1.0);
        s.setErrorBarsColorSeriesColor(true);
        Charts.line(chart, "significance level \u03B1 = " + Charts.format(alpha), new double[] {xmin, xmax},
                new double[] {alpha, alpha}, Palette.REFERENCE, Charts.DASHED);
        if (!Double.isNaN(threshold)) {
            Charts.line(chart, "stealth threshold " + Charts.format(100 * threshold) + "%", new double[] {xmin, xmax},
                    new double[] {threshold, threshold}, Palette.MANIPULATED, Charts.DOTTED);
        }
        if (!Double.isNaN(chosen)) {
            Charts.line(chart, "chosen \u03BB = " + Charts.format(chosen), new double[] {chosen, chosen},
                    new double[] {0, 1}, Palette.MANIPULATED, Charts.DASHED);
        }
        XYSeries r = rateHalfWidths == null ? chart.addSeries("detection rate", x, y)
                : chart.addSeries("detection rate" + " (bars: CI)", x, y, e);
        r.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Line);
        r.setLineColor(Palette.HONEST);
        r.setLineStyle(Charts.SOLID);
        r.setMarker(SeriesMarkers.CIRCLE);
        r.setMarkerColor(Palette.HONEST);
        return chart;
    }

    private static void checkChosen(double chosen) {
        if (!Double.isNaN(chosen) && !(chosen > 0 && Double.isFinite(chosen))) {
            throw new IllegalArgumentException("chosenLambda = " + chosen + " is not > 0 (use NaN for none)");
        }
    }

    /** Indices that sort a ascending; rejects duplicates, which would draw a curve backwards. */
    static int[] ascending(double[] a) {
        Integer[] idx = new Integer[a.length];
        for (int i = 0; i < a.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, java.util.Comparator.comparingDouble(i -> a[i]));
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = idx[i];
            if (i > 0 && a[idx[i]] == a[idx[i - 1]]) {
                throw new IllegalArgumentException("lambdas[" + idx[i - 1] + "] and lambdas[" + idx[i]
                        + "] are both " + a[idx[i]]);
            }
        }
        return out;
    }

    private static double[] concat(double[][] m) {
        return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
