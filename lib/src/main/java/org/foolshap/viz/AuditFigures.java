package org.foolshap.viz;

import java.util.List;
import org.foolshap.attack.ManipulabilityInterval;
import org.foolshap.attack.SweepResult;
import org.foolshap.audit.PowerTable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;

/** The auditor's figures: detection power by test and by M, and the manipulability interval. */
final class AuditFigures {
    /** The test families drawn by {@link #byTest}, in this order, when the table has them. */
    private static final List<String> FAMILIES = List.of("paper", "duplicates S_1'", "features S_1'");

    private AuditFigures() {
    }

    static XYChart byTest(PowerTable power, int m) {
        int k = mIndex(power, m);
        double[] lambdas = power.lambdas();
        XYChart chart = powerChart("Which test catches the attack (M = " + m + ")", "detection rate");
        int c = 0;
        for (String test : FAMILIES) {
            if (power.tests().contains(test)) {
                Charts.line(chart, test, lambdas, rates(power, test, k), Palette.cycle(c++), Charts.SOLID);
            }
        }
        alpha(chart, power, lambdas);
        return chart;
    }

    static XYChart byM(PowerTable power, String test) {
        if (!power.tests().contains(test)) {
            throw new IllegalArgumentException("no test named " + test + " in " + power.tests());
        }
        double[] lambdas = power.lambdas();
        XYChart chart = powerChart("Power of the " + test + " audit grows with M", "detection rate (" + test + ")");
        int[] ms = power.ms();
        for (int k = 0; k < ms.length; k++) {
            Charts.line(chart, "M = " + ms[k], lambdas, rates(power, test, k), Palette.cycle(k), Charts.SOLID);
        }
        alpha(chart, power, lambdas);
        return chart;
    }

    static XYChart interval(ManipulabilityInterval.Result r) {
        SweepResult up = r.up();
        SweepResult down = r.down();
        XYChart chart = Charts.xy(820, 460, "Reachable \u03A6(" + up.target() + ") while detected < "
                        + Charts.format(100 * up.threshold()) + "% of the time: [" + Charts.format(r.low()) + ", "
                        + Charts.format(r.high()) + "]",
                "\u03BB (log scale)", "mean \u03A6(" + up.target() + ") over sampled S\u2081\u2032 ("
                        + up.scale().label() + ")");
        chart.getStyler().setXAxisLogarithmic(true);
        Charts.line(chart, "pushed up (\u03B2 = -1)", up.lambdas(), targets(up), Palette.HONEST, Charts.SOLID);
        Charts.line(chart, "pushed down (\u03B2 = +1)", down.lambdas(), targets(down), Palette.MANIPULATED,
                Charts.SOLID);
        double[] l = up.lambdas();
        Charts.line(chart, "honest " + Charts.format(r.honest()), new double[] {l[0], l[l.length - 1]},
                new double[] {r.honest(), r.honest()}, Palette.REFERENCE, Charts.DASHED);
        return chart;
    }

    private static double[] targets(SweepResult s) {
        return s.points().stream().mapToDouble(p -> p.meanTarget()).toArray();
    }

    private static XYChart powerChart(String title, String yTitle) {
        XYChart chart = Charts.xy(820, 460, title, "\u03BB (log scale)", yTitle);
        XYStyler s = chart.getStyler();
        s.setXAxisLogarithmic(true);
        s.setYAxisMin(0.0);
        s.setYAxisMax(1.0);
        return chart;
    }

    private static void alpha(XYChart chart, PowerTable power, double[] lambdas) {
        double lo = java.util.Arrays.stream(lambdas).min().orElse(1);
        double hi = java.util.Arrays.stream(lambdas).max().orElse(1);
        Charts.line(chart, "\u03B1 = " + Charts.format(power.significance()), new double[] {lo, hi},
                new double[] {power.significance(), power.significance()}, Palette.REFERENCE, Charts.DASHED);
    }

    private static double[] rates(PowerTable power, String test, int k) {
        double[] r = new double[power.lambdas().length];
        for (int l = 0; l < r.length; l++) {
            r[l] = power.rate(test, l, k);
        }
        return r;
    }

    private static int mIndex(PowerTable power, int m) {
        int[] ms = power.ms();
        for (int k = 0; k < ms.length; k++) {
            if (ms[k] == m) {
                return k;
            }
        }
        throw new IllegalArgumentException("M = " + m + " is not in the power table (its M: "
                + java.util.Arrays.toString(ms) + ")");
    }
}
