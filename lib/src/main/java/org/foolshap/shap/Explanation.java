package org.foolshap.shap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.foolshap.Tabular;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.ColumnTypes;
import org.foolshap.model.OutputScale;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Per-row explanations (Python shap's {@code Explanation}): for each explained row x, one value per feature
 * phi_i(x) = (1 / |B|) sum_{z in B} phi_i(f, x, z) against a background B, the base value mean f(B), the model's
 * outputs f(x), the explained rows' data as a Tablesaw table and their encoded model rows, the feature names and the
 * output scale. Efficiency holds per row: sum_i phi_i(x) = f(x) - mean f(B). The mean over the rows of phi_i(x) is the
 * global attribution Phi_i(f, rows, B) of {@link GlobalShap}.
 *
 * <p>Computed by {@link LocalShap}; sliced with {@link #rows(int, int)}, {@link #row(int)}, {@link #features(String...)}
 * and {@link #sortedBy(String)}; drawn by {@code Figures.bar}, {@code beeswarm}, {@code waterfall} and
 * {@code dependence}. Slicing by features keeps f(x) and the base value, so efficiency then holds only for the whole
 * feature set. Immutable; accessors copy.
 */
public final class Explanation implements Tabular {
    private final List<String> features;
    private final double[][] values;
    private final double baseValue;
    private final double[] outputs;
    private final double[][] data;
    private final Table table;
    private final boolean[] categorical;
    private final OutputScale scale;
    private final String rowsName;
    private final String backgroundName;
    private final int backgroundSize;

    Explanation(List<String> features, double[][] values, double baseValue, double[] outputs, double[][] data,
                Table table, boolean[] categorical, OutputScale scale, String rowsName, String backgroundName,
                int backgroundSize) {
        this.features = List.copyOf(features);
        this.values = values;
        this.baseValue = baseValue;
        this.outputs = outputs;
        this.data = data;
        this.table = table;
        this.categorical = categorical;
        this.scale = Objects.requireNonNull(scale, "scale");
        this.rowsName = rowsName;
        this.backgroundName = backgroundName;
        this.backgroundSize = backgroundSize;
        if (values.length != outputs.length || values.length != data.length || values.length != table.rowCount()) {
            throw new IllegalArgumentException(values.length + " rows of values, " + outputs.length + " outputs, "
                    + data.length + " data rows and a table of " + table.rowCount() + " rows");
        }
    }

    // ---------------------------------------------------------------- sizes and names

    /** Number of explained rows. */
    public int rowCount() {
        return values.length;
    }

    /** Feature names, in column order of {@link #values()}. */
    public List<String> features() {
        return features;
    }

    public int index(String feature) {
        int i = features.indexOf(feature);
        if (i < 0) {
            throw new IllegalArgumentException("feature " + feature + " is not among the explanation's features "
                    + features);
        }
        return i;
    }

    /** What the model's output means; every value here is on this scale. */
    public OutputScale scale() {
        return scale;
    }

    /** A label of the explained rows, e.g. "uniform sample of women"; empty for plain model rows. */
    public String rowsName() {
        return rowsName;
    }

    /** A label of the background, e.g. "uniform sample of men"; empty for plain model rows. */
    public String backgroundName() {
        return backgroundName;
    }

    /** |B|, the number of background rows every phi_i(x) is averaged over. */
    public int backgroundSize() {
        return backgroundSize;
    }

    // ---------------------------------------------------------------- values

    /** phi[row][feature] (a copy). */
    public double[][] values() {
        double[][] out = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            out[r] = values[r].clone();
        }
        return out;
    }

    /** phi_i(x) of one feature for every row. */
    public double[] values(String feature) {
        int i = index(feature);
        double[] v = new double[values.length];
        for (int r = 0; r < v.length; r++) {
            v[r] = values[r][i];
        }
        return v;
    }

    /** phi_i(x) of one row and feature. */
    public double value(int row, String feature) {
        return values[checkRow(row)][index(feature)];
    }

    /** mean f(B), the same for every row. */
    public double baseValue() {
        return baseValue;
    }

    /** f(x) for every explained row. */
    public double[] outputs() {
        return outputs.clone();
    }

    public double output(int row) {
        return outputs[checkRow(row)];
    }

    /** Mean over the rows of phi_i(x) for every feature: the global attribution Phi_i(f, rows, B). */
    public double[] mean() {
        double[] m = new double[features.size()];
        for (double[] row : values) {
            for (int i = 0; i < m.length; i++) {
                m[i] += row[i] / values.length;
            }
        }
        return m;
    }

    /** Phi_i(f, rows, B) of one feature. */
    public double mean(String feature) {
        return mean()[index(feature)];
    }

    /** Mean over the rows of |phi_i(x)| for every feature (shap's bar plot). */
    public double[] meanAbs() {
        double[] m = new double[features.size()];
        for (double[] row : values) {
            for (int i = 0; i < m.length; i++) {
                m[i] += Math.abs(row[i]) / values.length;
            }
        }
        return m;
    }

    /** Feature names by decreasing mean |phi|. */
    public List<String> byImportance() {
        double[] m = meanAbs();
        List<String> names = new ArrayList<>(features);
        names.sort(Comparator.comparingDouble((String f) -> -m[index(f)]));
        return names;
    }

    /**
     * The largest |sum_i phi_i(x) - (f(x) - base value)| over the rows: zero up to rounding for exact explainers
     * over every feature; after {@link #features(String...)} the part of f(x) the dropped features explained.
     */
    public double maxEfficiencyError() {
        double worst = 0;
        for (int r = 0; r < values.length; r++) {
            double s = 0;
            for (double v : values[r]) {
                s += v;
            }
            worst = Math.max(worst, Math.abs(s - (outputs[r] - baseValue)));
        }
        return worst;
    }

    // ---------------------------------------------------------------- data

    /**
     * The explained rows' data: with a {@code row} column of source row ids first when the rows came from an audit
     * setting, then the source columns (categorical features as their levels).
     */
    public Table data() {
        return table.copy();
    }

    /** The encoded model value of one feature for every row (categorical features: the level's code). */
    public double[] featureValues(String feature) {
        int i = index(feature);
        double[] v = new double[data.length];
        for (int r = 0; r < v.length; r++) {
            v[r] = data[r][i];
        }
        return v;
    }

    /** Whether a feature is categorical (its values in {@link #data()} are levels). */
    public boolean isCategorical(String feature) {
        return categorical[index(feature)];
    }

    /** The level of a categorical feature for every row, as in {@link #data()}; empty for a numeric feature. */
    public Optional<List<String>> levels(String feature) {
        int i = index(feature);
        if (!categorical[i]) {
            return Optional.empty();
        }
        if (table.containsColumn(feature)) {
            Column<?> c = table.column(feature);
            List<String> out = new ArrayList<>(c.size());
            for (int r = 0; r < c.size(); r++) {
                out.add(c.getString(r));
            }
            return Optional.of(out);
        }
        List<String> out = new ArrayList<>(data.length);
        for (double[] row : data) {
            out.add(format(row[i]));
        }
        return Optional.of(out);
    }

    /** A feature's value in one row as text: the level of a categorical feature, else the number. */
    public String valueText(int row, String feature) {
        checkRow(row);
        if (isCategorical(feature)) {
            return levels(feature).orElseThrow().get(row);
        }
        return format(data[row][index(feature)]);
    }

    /** Source row ids when the rows came from an audit setting (the {@code row} column), else empty. */
    public Optional<int[]> ids() {
        if (!table.containsColumn(AuditSetting.ROW_ID)
                || !ColumnTypes.is(table.column(AuditSetting.ROW_ID), ColumnType.INTEGER)) {
            return Optional.empty();
        }
        IntColumn c = table.intColumn(AuditSetting.ROW_ID);
        int[] ids = new int[c.size()];
        for (int r = 0; r < ids.length; r++) {
            ids[r] = c.getInt(r);
        }
        return Optional.of(ids);
    }

    // ---------------------------------------------------------------- slicing

    /** Rows from (inclusive) to (exclusive), in order. */
    public Explanation rows(int from, int to) {
        if (from < 0 || to > values.length || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of an explanation of " + values.length
                    + " rows");
        }
        return rows(IntStream.range(from, to).toArray());
    }

    /** Rows by position, in the order given, repeats kept. */
    public Explanation rows(int... positions) {
        for (int p : positions) {
            checkRow(p);
        }
        double[][] v = new double[positions.length][];
        double[][] x = new double[positions.length][];
        double[] f = new double[positions.length];
        for (int k = 0; k < positions.length; k++) {
            v[k] = values[positions[k]].clone();
            x[k] = data[positions[k]].clone();
            f[k] = outputs[positions[k]];
        }
        return new Explanation(features, v, baseValue, f, x, select(table, positions), categorical.clone(), scale,
                rowsName, backgroundName, backgroundSize);
    }

    /** One row as an explanation (what {@code Figures.waterfall} draws). */
    public Explanation row(int position) {
        return rows(position);
    }

    /** The rows sorted by phi of one feature, ascending (most negative first); ties keep their order. */
    public Explanation sortedBy(String feature) {
        double[] v = values(feature);
        int[] order = IntStream.range(0, v.length).boxed().sorted(Comparator.comparingDouble(r -> v[r]))
                .mapToInt(Integer::intValue).toArray();
        return rows(order);
    }

    /** Only the named features, in the order given (f(x) and the base value are kept). */
    public Explanation features(String... names) {
        return features(List.of(names));
    }

    public Explanation features(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("select at least one feature of " + features);
        }
        int[] idx = names.stream().mapToInt(this::index).toArray();
        if (Arrays.stream(idx).distinct().count() != idx.length) {
            throw new IllegalArgumentException("features " + names + " name a feature twice");
        }
        double[][] v = new double[values.length][idx.length];
        double[][] x = new double[values.length][idx.length];
        boolean[] cat = new boolean[idx.length];
        for (int k = 0; k < idx.length; k++) {
            cat[k] = categorical[idx[k]];
            for (int r = 0; r < values.length; r++) {
                v[r][k] = values[r][idx[k]];
                x[r][k] = data[r][idx[k]];
            }
        }
        return new Explanation(names, v, baseValue, outputs.clone(), x, table.copy(), cat, scale, rowsName,
                backgroundName, backgroundSize);
    }

    // ---------------------------------------------------------------- table

    /**
     * One row per explained row: {@code row} (the source row id, or the position when there is none), phi_i(x) in
     * a column named after each feature, {@code base_value} (mean f over the background) and {@code output} (f(x)),
     * so that the feature columns plus base_value sum to output.
     */
    @Override
    public Table toTable() {
        int[] ids = ids().orElseGet(() -> IntStream.range(0, values.length).toArray());
        Table t = Table.create(rowsName.isEmpty() ? "SHAP values" : "SHAP values of " + rowsName + " against "
                        + backgroundName)
                .addColumns(IntColumn.create(AuditSetting.ROW_ID, ids));
        for (int i = 0; i < features.size(); i++) {
            double[] col = new double[values.length];
            for (int r = 0; r < col.length; r++) {
                col[r] = values[r][i];
            }
            t.addColumns(DoubleColumn.create(unique(t, features.get(i)), col));
        }
        double[] base = new double[values.length];
        Arrays.fill(base, baseValue);
        t.addColumns(DoubleColumn.create(unique(t, "base_value"), base), DoubleColumn.create(unique(t, "output"),
                outputs.clone()));
        return t;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Explanation of %d rows%s against %d background rows%s: %d features, "
                        + "base value %.4f (%s); most important by mean |phi|: %s", values.length, label(rowsName),
                backgroundSize, label(backgroundName), features.size(), baseValue, scale.label(),
                String.join(", ", byImportance().subList(0, Math.min(3, features.size()))));
    }

    // ---------------------------------------------------------------- helpers

    private static String label(String name) {
        return name.isEmpty() ? "" : " (" + name + ")";
    }

    private int checkRow(int row) {
        if (row < 0 || row >= values.length) {
            throw new IndexOutOfBoundsException("row " + row + " of an explanation of " + values.length + " rows");
        }
        return row;
    }

    private static Table select(Table t, int[] positions) {
        Table out = t.emptyCopy();
        for (int p : positions) {
            out.addRow(p, t);
        }
        return out.setName(t.name());
    }

    /** A column name not yet in the table (a feature called "row" gets "row (phi)"). */
    private static String unique(Table t, String name) {
        String n = name;
        while (t.containsColumn(n)) {
            n = n + " (phi)";
        }
        return n;
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
