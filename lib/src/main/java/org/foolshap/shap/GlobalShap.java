package org.foolshap.shap;

import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.data.Sample;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.foolshap.Progress;
import org.foolshap.model.Metrics;

/**
 * Global attributions Phi_i(f, F, B) = (1 / |F||B|) sum_{x in F, z in B} phi_i(f, x, z) with a confidence interval.
 *
 * <p>Phi-hat is a two-sample U-statistic with kernel h(x, z) = phi_i(f, x, z). Its variance is
 * sigma_F^2 / |F| + sigma_B^2 / |B| + O(1 / |F||B|), where sigma_F^2 = Var_x E_z h and sigma_B^2 = Var_z E_x h.
 * We estimate sigma_F^2 by the sample variance over x of the row means (1/|B|) sum_z h(x, z), sigma_B^2 by that over
 * z of the column means; these plug-ins overestimate by Var(h) / |F||B| in total, a slightly conservative interval.
 * (The paper's published code uses sqrt((s_F^2 + s_B^2) / (2 * 2M)), half the width for |F| = |B| = M: 67.3%
 * coverage, 2 Phi(1.96 / 2) - 1, at a nominal 95%.) Row means come from the antisymmetry
 * phi(f, x, z) = -phi(f, z, x): they are minus the coefficients of the swapped problem, so the fast aggregated
 * TreeSHAP serves both.
 */
public final class GlobalShap {
    private final Explainer explainer;
    private final List<String> names;
    private final double confidence;
    private final Progress progress;

    private GlobalShap(Explainer explainer, List<String> names, double confidence, Progress progress) {
        this.explainer = explainer;
        this.names = names;
        this.confidence = confidence;
        this.progress = progress;
    }

    /** Global SHAP with the given explainer, features named x0, x1, ... and 95% intervals. */
    public static GlobalShap of(Explainer explainer) {
        int d = explainer.model().width();
        List<String> names = java.util.stream.IntStream.range(0, d).mapToObj(i -> "x" + i).toList();
        return new GlobalShap(explainer, names, 0.95, Progress.ambient());
    }

    public GlobalShap withNames(List<String> names) {
        if (names.size() != explainer.model().width()) {
            throw new IllegalArgumentException(names.size() + " names for a model with " + explainer.model().width()
                    + " features");
        }
        return new GlobalShap(explainer, List.copyOf(names), confidence, progress);
    }

    /** Confidence level of the intervals, in (0, 1). */
    public GlobalShap withConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        return new GlobalShap(explainer, names, confidence, progress);
    }

    public GlobalShap withProgress(Progress progress) {
        return new GlobalShap(explainer, names, confidence, progress);
    }

    /**
     * Phi(f, S_0, S_1) on two samples of an audit setting (e.g. the S_0', S_1' an auditor received), features named
     * as in the setting.
     */
    public Attributions explain(Sample foreground, Sample background) {
        if (!foreground.features().equals(background.features())) {
            throw new IllegalArgumentException("the samples have different features: " + foreground.features()
                    + " and " + background.features());
        }
        return withNames(foreground.features()).explain(foreground.rows(), background.rows());
    }

    /**
     * Phi(f, D_0, D_1) on the whole groups of a setting: the honest attribution without sampling. Costs two
     * coefficient passes over |D_0| x |D_1| pairs (TreeSHAP aggregates them; the exact explainer does not).
     */
    public Attributions explain(AuditSetting setting) {
        return explain(setting.all(Group.FOREGROUND), setting.all(Group.BACKGROUND));
    }

    /** Phi(f, F, B) with intervals. Costs two coefficient computations (one per direction). */
    public Attributions explain(double[][] foreground, double[][] background) {
        int d = Rows.groups(foreground, background, explainer.model().width());
        double[][] columns = explainer.coefficients(foreground, background,
                (stage, done, total) -> progress.update("attributions (1/2)", done, total));
        double[][] rows = explainer.coefficients(background, foreground,
                (stage, done, total) -> progress.update("attributions (2/2)", done, total));
        return fromMeans(columns, rows, mean(explainer.model().outputs(foreground), foreground),
                mean(explainer.model().outputs(background), background));
    }

    /**
     * Attributions from already computed means: {@code columnMeans[j][i]} = mean over x of phi_i(x, z_j) (the
     * coefficients) and {@code rowMeans[a][i]} = mean over z of phi_i(x_a, z), up to sign (only their variance is
     * used).
     */
    public Attributions fromMeans(double[][] columnMeans, double[][] rowMeans, double foregroundMean,
                                  double backgroundMean) {
        int d = explainer.model().width();
        double[] values = new double[d];
        double[] half = new double[d];
        double q = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - confidence) / 2);
        for (int i = 0; i < d; i++) {
            double[] col = column(columnMeans, i);
            double[] row = column(rowMeans, i);
            values[i] = Metrics.mean(col);
            double var = variance(col) / col.length + variance(row) / row.length;
            half[i] = q * Math.sqrt(var);
        }
        return new Attributions(names, values, half, foregroundMean, backgroundMean, confidence,
                explainer.model().scale());
    }

    private static double[] column(double[][] m, int i) {
        double[] c = new double[m.length];
        for (int j = 0; j < m.length; j++) {
            c[j] = m[j][i];
        }
        return c;
    }

    private static double mean(double[] outputs, double[][] rows) {
        for (int r = 0; r < outputs.length; r++) {
            Rows.finite(outputs[r], rows[r]);
        }
        return Metrics.mean(outputs);
    }


    static double variance(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = Metrics.mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }
}
