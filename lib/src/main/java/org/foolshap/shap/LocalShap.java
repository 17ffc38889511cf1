package org.foolshap.shap;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.foolshap.Matrices;
import org.foolshap.Progress;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.ColumnTypes;
import org.foolshap.data.Features;
import org.foolshap.data.Group;
import org.foolshap.data.Sample;
import org.foolshap.model.Metrics;
import org.foolshap.model.Model;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Per-row SHAP values against a background, for any explainer (Python shap's two-step use: configure once, then
 * explain rows): phi_i(x) = (1 / |B|) sum_{z in B} phi_i(f, x, z), with the base value mean f(B), so that
 * sum_i phi_i(x) = f(x) - mean f(B) for every explained row x.
 *
 * <pre>{@code
 * Explanation e = LocalShap.of(Explainers.auto(model)).explain(s0, s1);   // one row of phi per row of S_0'
 * Figures.beeswarm(e);
 * }</pre>
 *
 * <p>Method: interventional Shapley values are antisymmetric, phi(f, x, z) = -phi(f, z, x) (the game of (z, x) is
 * v'(S) = f(z_S, x_rest) - f(x) = v(N \ S) - v(N), minus the dual of v, whose Shapley values are v's). So the row
 * means are minus
 * the coefficients of the swapped problem, -C(B, X)[r] = -(1 / |B|) sum_z phi(f, z, x_r), one
 * {@link Explainer#coefficients} pass with the background as foreground. With TreeSHAP that pass aggregates the
 * background once per leaf, so its cost per (explained row, tree) does not grow with |B|; explainers without a
 * faster route cost |X| |B| per-pair explanations. Immutable.
 */
public final class LocalShap {
    private final Explainer explainer;
    private final List<String> names;
    private final Features features;
    private final Progress progress;

    private LocalShap(Explainer explainer, List<String> names, Features features, Progress progress) {
        this.explainer = explainer;
        this.names = names;
        this.features = features;
        this.progress = progress;
    }

    /** Per-row SHAP with the given explainer, features named x0, x1, ... until told otherwise. */
    public static LocalShap of(Explainer explainer) {
        Objects.requireNonNull(explainer, "explainer");
        int d = explainer.model().width();
        return new LocalShap(explainer, IntStream.range(0, d).mapToObj(i -> "x" + i).toList(), null,
                Progress.ambient());
    }

    /** Feature names for {@code double[][]} input. */
    public LocalShap withNames(List<String> names) {
        checkWidth(names.size());
        return new LocalShap(explainer, List.copyOf(names), null, progress);
    }

    /**
     * The model's encoding (e.g. {@code modelFile.features()}): names the features, decodes {@code double[][]} rows
     * into levels for the data table, and lets {@link #explain(Table, Table)} read raw tables.
     */
    public LocalShap withFeatures(Features features) {
        checkWidth(Objects.requireNonNull(features, "features").width());
        return new LocalShap(explainer, features.names(), features, progress);
    }

    public LocalShap withProgress(Progress progress) {
        return new LocalShap(explainer, names, features, Objects.requireNonNull(progress, "progress"));
    }

    public Explainer explainer() {
        return explainer;
    }

    // ---------------------------------------------------------------- the notebook tier

    /** The rows of one sample of an audit setting against another (e.g. S_0' against S_1'), features named as in them. */
    public Explanation explain(Sample rows, Sample background) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(background, "background");
        if (!rows.features().equals(background.features())) {
            throw new IllegalArgumentException("the samples have different features: " + rows.features() + " and "
                    + background.features());
        }
        checkWidth(rows.features().size());
        Table t = rows.toTable();
        return compute(rows.rows(), background.rows(), rows.features(), t, categorical(t, rows.features()),
                rows.name(), background.name());
    }

    /**
     * Every row of the setting's D_0 against all of D_1: the per-row decomposition of the honest group comparison,
     * whose mean over the rows is Phi(f, D_0, D_1). One coefficient pass over |D_0| x |D_1| pairs.
     */
    public Explanation explain(AuditSetting setting) {
        Objects.requireNonNull(setting, "setting");
        return explain(setting.all(Group.FOREGROUND), setting.all(Group.BACKGROUND));
    }

    /** Raw tables (e.g. read from CSV), encoded with {@link #withFeatures}; columns the model does not use are kept in the data. */
    public Explanation explain(Table rows, Table background) {
        if (features == null) {
            throw new IllegalStateException("explaining tables needs the model's encoding: call withFeatures(features)"
                    + " first");
        }
        double[][] x = features.encode(Objects.requireNonNull(rows, "rows"));
        double[][] z = features.encode(Objects.requireNonNull(background, "background"));
        return compute(x, z, names, rows.copy(), mask(features), rows.name(), background.name());
    }

    // ---------------------------------------------------------------- the lower tier

    /** phi_i(x) for every row of {@code rows} against {@code background}, model rows as the explainer takes them. */
    public Explanation explain(double[][] rows, double[][] background) {
        Rows.groups(rows, background, explainer.model().width());
        Table t;
        boolean[] cat;
        if (features != null) {
            t = features.decode(rows, "rows");
            cat = mask(features);
        } else {
            t = Table.create("rows");
            for (int i = 0; i < names.size(); i++) {
                double[] col = new double[rows.length];
                for (int r = 0; r < col.length; r++) {
                    col[r] = rows[r][i];
                }
                t.addColumns(DoubleColumn.create(names.get(i), col));
            }
            cat = new boolean[names.size()];
        }
        return compute(Matrices.copy(rows), Matrices.copy(background), names, t, cat, "", "");
    }

    private Explanation compute(double[][] rows, double[][] background, List<String> featureNames, Table table,
                                boolean[] categorical, String rowsName, String backgroundName) {
        Model model = explainer.model();
        Rows.groups(rows, background, model.width());
        double[][] swapped = explainer.coefficients(background, rows,
                (stage, done, total) -> progress.update("local SHAP", done, total));
        double[][] values = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            values[r] = new double[swapped[r].length];
            for (int i = 0; i < values[r].length; i++) {
                values[r][i] = -swapped[r][i];
            }
        }
        double[] fx = model.outputs(rows);
        double[] fz = model.outputs(background);
        for (int r = 0; r < fx.length; r++) {
            Rows.finite(fx[r], rows[r]);
        }
        for (int r = 0; r < fz.length; r++) {
            Rows.finite(fz[r], background[r]);
        }
        return new Explanation(featureNames, values, Metrics.mean(fz), fx, rows, table, categorical, model.scale(),
                rowsName, backgroundName, background.length);
    }

    private void checkWidth(int d) {
        if (d != explainer.model().width()) {
            throw new IllegalArgumentException(d + " features for a model with " + explainer.model().width()
                    + " features");
        }
    }

    private static boolean[] mask(Features features) {
        boolean[] m = new boolean[features.width()];
        for (int i = 0; i < m.length; i++) {
            m[i] = features.get(i).categorical();
        }
        return m;
    }

    /** Text columns of a sample's table are the categorical features (as the setting's encoding makes them). */
    private static boolean[] categorical(Table t, List<String> names) {
        boolean[] m = new boolean[names.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = t.containsColumn(names.get(i)) && ColumnTypes.is(t.column(names.get(i)), ColumnType.STRING);
        }
        return m;
    }

}
