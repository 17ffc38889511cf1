package org.foolshap.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foolshap.AtomicFiles;
import org.foolshap.attack.AttackResult;
import org.foolshap.attack.ManipulabilityInterval;
import org.foolshap.attack.SweepResult;
import org.foolshap.audit.Auditor;
import org.foolshap.audit.PowerTable;
import org.foolshap.data.Group;
import org.foolshap.data.Sample;
import org.foolshap.model.OutputScale;
import org.foolshap.fairness.FairnessReport;
import org.foolshap.shap.Attributions;
import org.knowm.xchart.BitmapEncoder;
import org.foolshap.shap.Explanation;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The figures of the Fool SHAP story, one call each, returning an XChart chart that can be styled further,
 * plus helpers to write it as PNG or SVG or to get a {@link BufferedImage} for inline display in a notebook.
 *
 * <p>Each figure takes a result object ({@link AttackResult}, {@link SweepResult}, {@link Attributions},
 * {@link Explanation}, {@link FairnessReport}, {@link PowerTable}, an {@link Auditor} with its samples), which
 * carries the feature names, the sensitive feature, the group names and the output scale; a lower tier takes plain arrays, so it can draw the results of any attack or
 * audit implementation. Inputs are checked and an {@link IllegalArgumentException} names the
 * offending argument and element (arrays of different lengths, NaN, lambdas that are not positive on a log
 * axis, a sensitive feature that is not among the features). Colours come from {@link Palette}; legends sit
 * outside the plot; the attribution chart grows with the number of features so that no label is dropped.
 *
 * <p>Rendering needs {@code -Djava.awt.headless=true} on a machine without a display, and fonts
 * (on Debian: {@code fontconfig fonts-dejavu-core}).
 */
public final class Figures {
    private Figures() {
    }

    // ---------------------------------------------------------------- attributions

    /**
     * The attack's picture: attributions with the honest S_1' and with the stealthy S_1', side by side per feature,
     * sorted by |Phi| before, 95% intervals as capped bars, the attacked feature's row shaded.
     */
    public static XYChart attributions(AttackResult attack) {
        Checks.notNull("attack", attack);
        return attributions(attack.before(), attack.after(), attack.sensitiveName());
    }

    /**
     * Global attributions before and after the manipulation of the background, side by side per feature,
     * features sorted by |Phi| before (largest on top), confidence intervals as capped bars, the sensitive
     * feature's row shaded and marked; the axis names the output scale the attributions carry.
     *
     * @param before    attributions with the honest background (e.g. a uniform sample of D_1)
     * @param after     attributions with the manipulated background S_1' (same features, any order)
     * @param sensitive the sensitive feature (e.g. "gender"), or null for none
     */
    public static XYChart attributions(Attributions before, Attributions after, String sensitive) {
        Map<String, Attributions> series = new LinkedHashMap<>();
        series.put("honest background", Checks.notNull("before", before));
        series.put("manipulated background S\u2081\u2032", Checks.notNull("after", after));
        String title = "SHAP attributions before and after manipulation";
        if (sensitive != null && before.features().contains(sensitive) && after.features().contains(sensitive)) {
            title += ": " + sensitive + " " + Charts.format(before.value(sensitive)) + " \u2192 "
                    + Charts.format(after.value(sensitive));
        }
        return attributions(series, sensitive, title);
    }

    /** One set of attributions (e.g. honest SHAP), sorted by |Phi|, the sensitive feature (or null) highlighted. */
    public static XYChart attributions(Attributions attributions, String sensitive) {
        Map<String, Attributions> series = new LinkedHashMap<>();
        series.put("\u03A6", Checks.notNull("attributions", attributions));
        XYChart chart = attributions(series, sensitive, "Global SHAP attributions");
        chart.getStyler().setLegendVisible(false);
        return chart;
    }

    /**
     * Any number of attribution sets side by side (legend label -> attributions, in the map's order), sorted
     * by |Phi| of the first, on the first one's output scale. The first two use {@link Palette#HONEST} and
     * {@link Palette#MANIPULATED}.
     */
    public static XYChart attributions(Map<String, Attributions> series, String sensitive, String title) {
        Checks.notNull("series", series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("series is empty: give at least one set of attributions");
        }
        OutputScale scale = Checks.notNull("series", series.values().iterator().next()).scale();
        return AttributionFigure.draw(series, AttributionFigure.defaultColors(List.copyOf(series.keySet())),
                sensitive, title, "\u03A6 = contribution to the gap in mean " + scale.label());
    }

    // ---------------------------------------------------------------- per-row explanations (shap's plots)

    /** Most features a beeswarm or bar chart lists; more are cut to the most important (bar: the rest summed). */
    public static final int MAX_FEATURES = 20;

    /**
     * shap's bar plot: mean |phi_i| over the explained rows, one bar per feature, largest on top, the value beside
     * each bar; past {@link #MAX_FEATURES} features the rest share one bar.
     */
    public static XYChart bar(Explanation explanation) {
        Checks.notNull("explanation", explanation);
        return ShapBarFigures.bar(explanation, MAX_FEATURES);
    }

    /**
     * shap's beeswarm: one row per feature (largest mean |phi| on top, at most {@link #MAX_FEATURES}), one dot per
     * explained row at its phi_i, stacked where dots crowd; numeric features coloured from blue (low value) to red
     * (high value, 5th to 95th percentile), categorical features by level, listed in the legend.
     */
    public static XYChart beeswarm(Explanation explanation) {
        Checks.notNull("explanation", explanation);
        return ShapScatterFigures.beeswarm(explanation, MAX_FEATURES);
    }

    /**
     * shap's waterfall for one row ({@code explanation.row(i)}): from the base value mean f(background) at the bottom,
     * each feature's phi as a bar (red raises, blue lowers; smallest at the bottom, the 10th and beyond summed), up to
     * f(x) at the top; labels give each feature's value and phi.
     */
    public static XYChart waterfall(Explanation row) {
        Checks.notNull("row", row);
        return ShapBarFigures.waterfall(row, 10);
    }

    /** The waterfall of row {@code position} of an explanation. */
    public static XYChart waterfall(Explanation explanation, int position) {
        Checks.notNull("explanation", explanation);
        return waterfall(explanation.row(position));
    }

    /** shap's dependence scatter: phi of a feature against its value, one dot per explained row. */
    public static XYChart dependence(Explanation explanation, String feature) {
        Checks.notNull("explanation", explanation);
        Checks.notNull("feature", feature);
        return ShapScatterFigures.dependence(explanation, feature, null);
    }

    /**
     * The dependence scatter coloured by another feature's value (numeric: blue low to red high; categorical: by
     * level), which shows interactions.
     */
    public static XYChart dependence(Explanation explanation, String feature, String colorBy) {
        Checks.notNull("explanation", explanation);
        Checks.notNull("feature", feature);
        Checks.notNull("colorBy", colorBy);
        return ShapScatterFigures.dependence(explanation, feature, colorBy);
    }

    // ---------------------------------------------------------------- group fairness

    /**
     * Group fairness of decisions: selection rate, true- and false-positive rates, precision and AUC, one bar per
     * group, four fifths of the highest selection rate dashed; the title gives the parity ratio and the four-fifths
     * verdict.
     */
    public static XYChart fairness(FairnessReport report) {
        return FairnessFigure.draw(Checks.notNull("report", report));
    }

    // ---------------------------------------------------------------- what the auditor sees

    /**
     * What the auditor compares after an attack: empirical CDFs of the model output on both whole groups (solid)
     * and on the supplied S_0', S_1' (dashed), as step lines.
     */
    public static XYChart cdfs(AttackResult attack) {
        Checks.notNull("attack", attack);
        return cdfs(attack.auditor(), attack.sampleS0(), attack.sampleS1());
    }

    /** CDFs of f on the auditor's groups (solid) and on supplied samples of D_0 and D_1 (dashed). */
    public static XYChart cdfs(Auditor auditor, Sample s0, Sample s1) {
        Checks.notNull("auditor", auditor);
        return cdfs(auditor.foregroundOutputs(), auditor.outputs(Checks.notNull("s0", s0)),
                auditor.backgroundOutputs(), auditor.outputs(Checks.notNull("s1", s1)), groupName(auditor, Group.FOREGROUND),
                groupName(auditor, Group.BACKGROUND), auditor.scale());
    }

    /**
     * Empirical CDFs of the model output on both groups (solid: all data D_0, D_1; dashed: the supplied
     * samples S_0', S_1') as step lines: what the auditor compares.
     *
     * @param fS0 outputs on the supplied foreground sample, or null to draw the data only
     * @param fS1 outputs on the supplied background sample, or null
     */
    public static XYChart cdfs(double[] fD0, double[] fS0, double[] fD1, double[] fS1, String group0,
                               String group1, OutputScale scale) {
        return DistributionFigures.cdfs(fD0, fS0, fD1, fS1, Checks.notNull("group0", group0),
                Checks.notNull("group1", group1), Checks.notNull("scale", scale).label());
    }

    /** Histograms (fraction of each group per bin, 30 bins) of the model output on the auditor's groups. */
    public static XYChart outputHistograms(Auditor auditor) {
        Checks.notNull("auditor", auditor);
        return outputHistograms(auditor.foregroundOutputs(), auditor.backgroundOutputs(),
                groupName(auditor, Group.FOREGROUND), groupName(auditor, Group.BACKGROUND), auditor.scale(), 30);
    }

    /** Histograms (fraction of each group per bin) of the model output by group, means dashed. */
    public static XYChart outputHistograms(double[] fD0, double[] fD1, String group0, String group1,
                                           OutputScale scale, int bins) {
        return DistributionFigures.histograms(fD0, fD1, Checks.notNull("group0", group0),
                Checks.notNull("group1", group1), Checks.notNull("scale", scale).label(), bins);
    }

    private static String groupName(Auditor auditor, Group group) {
        return auditor.setting().map(s -> s.name(group)).orElse(group.symbol());
    }

    // ---------------------------------------------------------------- the lambda sweep

    /**
     * Mean manipulated Phi of every feature against lambda (log x axis), the attacked feature thick and red, bands
     * of mean +- sd, lambda* marked when there is one.
     */
    public static XYChart lambdaCurves(SweepResult sweep) {
        Checks.notNull("sweep", sweep);
        String target = sweep.features().contains(sweep.target()) ? sweep.target() : null;
        return lambdaCurves(sweep.lambdas(), sweep.features(), sweep.meanPhi(), sweep.sdPhi(), target,
                sweep.scale(), sweep.chosen().map(p -> p.lambda()).orElse(Double.NaN));
    }

    /**
     * Mean manipulated Phi of every feature against lambda (log x axis), the sensitive feature thick and red,
     * bands of mean +- sd. Legend lists every feature up to 16 features, otherwise "other features".
     *
     * @param lambdas      the sweep, > 0, any order (sorted here), no duplicates
     * @param meanPhi      [lambda][feature] mean over the sampled S_1'
     * @param sdPhi        [lambda][feature] standard deviation, or null for no bands
     * @param sensitive    the sensitive feature, or null
     * @param chosenLambda the attacker's lambda, marked by a dashed vertical line (NaN for none)
     */
    public static XYChart lambdaCurves(double[] lambdas, List<String> features, double[][] meanPhi,
                                       double[][] sdPhi, String sensitive, OutputScale scale, double chosenLambda) {
        return LambdaFigures.curves(lambdas, features, meanPhi, sdPhi, sensitive,
                Checks.notNull("scale", scale).label(), chosenLambda);
    }

    /**
     * How often the simulated audits detect each lambda's samples (log x axis), with the auditor's significance
     * alpha (an honest sample's rate) and the attacker's stealth threshold as dashed lines, lambda* marked.
     */
    public static XYChart detection(SweepResult sweep) {
        Checks.notNull("sweep", sweep);
        return LambdaFigures.detection(sweep.lambdas(), sweep.detectionRates(), null, sweep.significance(),
                sweep.threshold(), sweep.chosen().map(p -> p.lambda()).orElse(Double.NaN));
    }

    /**
     * Detection rate of the audit against lambda (log x axis) with the significance level alpha as a
     * dashed line and the chosen lambda marked.
     *
     * @param detectionRate  fraction of sampled S_1' detected per lambda, in [0, 1]
     * @param rateHalfWidths CI half-widths drawn as error bars, or null
     * @param threshold      the stealth threshold to draw (NaN for none)
     * @param chosenLambda   the attacker's lambda, or NaN for none
     */
    public static XYChart detection(double[] lambdas, double[] detectionRate, double[] rateHalfWidths,
                                    double alpha, double threshold, double chosenLambda) {
        return LambdaFigures.detection(Checks.notNull("lambdas", lambdas), Checks.notNull("detectionRate",
                detectionRate), rateHalfWidths, alpha, threshold, chosenLambda);
    }

    // ---------------------------------------------------------------- the auditor's side

    /** Which test catches the attack: each test family's detection rate against lambda at sample size M. */
    public static XYChart power(PowerTable power, int m) {
        return AuditFigures.byTest(Checks.notNull("power", power), m);
    }

    /** How the power of one test (e.g. "paper") grows with M: one curve per M against lambda. */
    public static XYChart powerByM(PowerTable power, String test) {
        return AuditFigures.byM(Checks.notNull("power", power), Checks.notNull("test", test));
    }

    /** The manipulability interval: the reachable Phi_s against lambda, pushed up and down, with the honest value. */
    public static XYChart manipulability(ManipulabilityInterval.Result interval) {
        return AuditFigures.interval(Checks.notNull("interval", interval));
    }

    // ---------------------------------------------------------------- comparing attacks

    /**
     * One value per run for each method (brute force, genetic, Fool SHAP, ...), as dots with the mean as a
     * bar. Method colours come from {@link Palette#method(String, int)}.
     *
     * @param valuesByMethod method -> values (in the map's order)
     * @param valueName      the y axis title, e.g. "relative decrease of |Φ(gender)| (%)"
     */
    public static XYChart methodComparison(Map<String, double[]> valuesByMethod, String valueName) {
        return ComparisonFigure.draw(ComparisonFigure.single(valuesByMethod), Checks.notNull("valueName", valueName),
                "Attack methods compared", false);
    }

    /**
     * The paper's Figure 5: dataset -> method -> values per run, grouped by dataset along x, methods
     * side by side in their colours. (Not an overload of {@code methodComparison}: both maps erase alike.)
     */
    public static XYChart methodComparisonByDataset(Map<String, Map<String, double[]>> valuesByDatasetAndMethod,
                                                    String valueName) {
        Checks.notNull("valuesByDatasetAndMethod", valuesByDatasetAndMethod);
        return ComparisonFigure.draw(valuesByDatasetAndMethod, Checks.notNull("valueName", valueName),
                "Attack methods compared per dataset", true);
    }

    // ---------------------------------------------------------------- output

    /** The chart rendered at its size, e.g. for inline display in a notebook. */
    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(Checks.notNull("chart", chart));
    }

    /** PNG bytes of the chart (what a Jupyter kernel sends as image/png). */
    public static byte[] pngBytes(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(Checks.notNull("chart", chart), BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the chart as a PNG file (parent directories created), returning the path. Atomic: a failure leaves any
     * previous file ({@link AtomicFiles#write}).
     */
    public static Path png(Chart<?, ?> chart, Path file) {
        byte[] bytes = pngBytes(chart);
        Checks.notNull("file", file);
        try {
            AtomicFiles.write(file, out -> out.write(bytes));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes the chart as an SVG file (vector, via VectorGraphics2D), returning the path; atomic like {@link #png}. */
    public static Path svg(Chart<?, ?> chart, Path file) {
        Checks.notNull("chart", chart);
        Checks.notNull("file", file);
        try {
            AtomicFiles.write(file, out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                    VectorGraphicsFormat.SVG));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
