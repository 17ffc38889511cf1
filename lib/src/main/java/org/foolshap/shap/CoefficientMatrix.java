package org.foolshap.shap;

import java.util.List;
import org.foolshap.Progress;
import org.foolshap.Tabular;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.data.Sample;
import org.foolshap.model.Metrics;
import org.foolshap.model.OutputScale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The attack's input for one audit setting (paper, Section 4): C[j][i] = Phi_i(f, S_0', z_j) for every background
 * row z_j of D_1, with the outputs f(z_j) and f(S_0') the sweep needs, the feature names and the background's row
 * ids. Phi with weights w on the background is sum_j w_j C[j][i]; uniform weights give Phi(f, S_0', D_1).
 * Computed by {@link Explainer#coefficients(Sample, AuditSetting)}. Immutable.
 */
public final class CoefficientMatrix implements Tabular {
    private final double[][] values;
    private final Sample s0;
    private final AuditSetting setting;
    private final double[] backgroundOutputs;
    private final double[] s0Outputs;
    private final OutputScale scale;
    private final double seconds;

    private CoefficientMatrix(double[][] values, Sample s0, AuditSetting setting, double[] backgroundOutputs,
                              double[] s0Outputs, OutputScale scale, double seconds) {
        this.values = values;
        this.s0 = s0;
        this.setting = setting;
        this.backgroundOutputs = backgroundOutputs;
        this.s0Outputs = s0Outputs;
        this.scale = scale;
        this.seconds = seconds;
    }

    /** One coefficient pass of {@code explainer} with foreground {@code s0} over the setting's whole background. */
    static CoefficientMatrix compute(Explainer explainer, Sample s0, AuditSetting setting) {
        if (s0.group() != Group.FOREGROUND) {
            throw new IllegalArgumentException("S_0' must be a sample of the foreground D_0, got " + s0);
        }
        if (!s0.features().equals(setting.names())) {
            throw new IllegalArgumentException("the sample's features " + s0.features() + " are not the setting's "
                    + setting.names());
        }
        long start = System.nanoTime();
        double[][] background = setting.rows(Group.BACKGROUND);
        double[][] s0Rows = s0.rows();
        double[][] c = explainer.coefficients(s0Rows, background, Progress.ambient());
        double[] f1 = explainer.model().outputs(background);
        double[] f0 = explainer.model().outputs(s0Rows);
        return new CoefficientMatrix(c, s0, setting, f1, f0, explainer.model().scale(),
                (System.nanoTime() - start) / 1e9);
    }

    /** The matrix itself, [background row][feature] (a copy): the lower tier's input. */
    public double[][] values() {
        double[][] out = new double[values.length][];
        for (int j = 0; j < values.length; j++) {
            out[j] = values[j].clone();
        }
        return out;
    }

    /** c_j = C[j][i] for one feature, e.g. the sensitive one: the attack's target coefficients. */
    public double[] column(String feature) {
        return column(index(feature));
    }

    public double[] column(int feature) {
        double[] c = new double[values.length];
        for (int j = 0; j < c.length; j++) {
            c[j] = values[j][feature];
        }
        return c;
    }

    /** The sensitive feature's coefficients. */
    public double[] sensitiveColumn() {
        return column(setting.sensitiveIndex());
    }

    /** Phi(f, S_0', D_1) for every feature: the mean of the rows (uniform weights). */
    public double[] phi() {
        double[] phi = new double[names().size()];
        for (int i = 0; i < phi.length; i++) {
            phi[i] = Metrics.mean(column(i));
        }
        return phi;
    }

    public List<String> names() {
        return setting.names();
    }

    public int index(String feature) {
        int i = names().indexOf(feature);
        if (i < 0) {
            throw new IllegalArgumentException("feature " + feature + " is not one of " + names());
        }
        return i;
    }

    /** Background rows (the number of coefficient rows). */
    public int rows() {
        return values.length;
    }

    public Sample s0() {
        return s0;
    }

    public AuditSetting setting() {
        return setting;
    }

    /** f(z_j) for every background row, in the matrix's row order. */
    public double[] backgroundOutputs() {
        return backgroundOutputs.clone();
    }

    /** f on S_0'. */
    public double[] s0Outputs() {
        return s0Outputs.clone();
    }

    public OutputScale scale() {
        return scale;
    }

    /** Wall time of the pass (coefficients and outputs). */
    public double seconds() {
        return seconds;
    }

    /** One row per background row: its source row id, f(z_j), then C[j][i] per feature. */
    @Override
    public Table toTable() {
        Table t = Table.create("coefficients").addColumns(
                IntColumn.create(AuditSetting.ROW_ID, setting.ids(Group.BACKGROUND)),
                DoubleColumn.create("f(z)", backgroundOutputs));
        for (int i = 0; i < names().size(); i++) {
            t.addColumns(DoubleColumn.create(names().get(i), column(i)));
        }
        return t;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Coefficients C[j][i] = Phi_i(f, S_0', z_j): %d background rows x "
                + "%d features, S_0' of %d rows, %.1f s", values.length, names().size(), s0.size(), seconds);
    }
}
