package org.foolshap.fairness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Dataset;
import org.foolshap.data.Features;
import org.foolshap.data.Split;
import org.foolshap.model.Evaluation;
import org.foolshap.model.Model;
import org.foolshap.model.OutputScale;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Group fairness metrics of a model's decisions, configured once and evaluated on data (fairlearn's
 * {@code MetricFrame} with the usual metrics, AIF360's {@code ClassificationMetric}): decisions are
 * d = [f(x) &gt;= threshold] on the model's own output scale; groups are the values of one sensitive column, or the
 * intersections of several (every combination of their values, empty ones included). See {@link FairnessReport} for
 * the metrics and summaries.
 *
 * <pre>{@code
 * FairnessReport r = FairnessMetrics.of(model).evaluate(adult, "gender");          // every row, threshold 0.5
 * FairnessReport t = FairnessMetrics.of(model).evaluate(adult, split, "gender", "race");   // test rows, intersections
 * }</pre>
 *
 * <p>Cost: one model output per row (batched), then O(n log n) for the per-group AUCs. Immutable.
 */
public final class FairnessMetrics {
    /** Joins the values of several sensitive attributes into a group label. */
    public static final String SEPARATOR = ", ";

    private final Model model;
    private final double threshold;

    private FairnessMetrics(Model model, double threshold) {
        this.model = model;
        this.threshold = threshold;
    }

    /**
     * Metrics of {@code model}'s decisions at its scale's natural threshold: 0.5 for a probability, 0 for log-odds
     * (the same decision); a raw output has none, so set one with {@link #withThreshold}.
     */
    public static FairnessMetrics of(Model model) {
        Objects.requireNonNull(model, "model");
        return new FairnessMetrics(model, Evaluation.threshold(model.scale()));
    }

    /** Decisions are output &gt;= threshold, on the model's output scale. */
    public FairnessMetrics withThreshold(double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
        return new FairnessMetrics(model, threshold);
    }

    public double threshold() {
        return threshold;
    }

    public Model model() {
        return model;
    }

    // ---------------------------------------------------------------- data

    /** Every row of a dataset, grouped by one or several of its columns (they need not be model features). */
    public FairnessReport evaluate(Dataset data, String... sensitive) {
        Objects.requireNonNull(data, "data");
        return evaluate(data.table(), data.features(), data.target(), sensitive);
    }

    /** The test rows of a split of a dataset (where the model did not train), grouped by its columns. */
    public FairnessReport evaluate(Dataset data, Split split, String... sensitive) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(split, "split");
        return evaluate(data.rows(split.test()).setName(data.name() + " test rows"), data.features(), data.target(),
                sensitive);
    }

    /**
     * The whole source table of an audit setting, grouped by its sensitive attribute (all its values, not only
     * protected vs rest); the setting must declare its target ({@code withTarget}, or a dataset's own).
     */
    public FairnessReport evaluate(AuditSetting setting) {
        Objects.requireNonNull(setting, "setting");
        String target = setting.target().orElseThrow(() -> new IllegalArgumentException("the audit setting "
                + setting.name() + " has no target column: declare it with withTarget(column)"));
        return evaluate(setting.source(), setting.features(), target, setting.sensitive());
    }

    /**
     * Any table: rows encoded with the model's {@code features}, labels from the {@code target} column (0/1, or
     * exactly two values of which the larger is 1), groups from the {@code sensitive} columns.
     */
    public FairnessReport evaluate(Table table, Features features, String target, String... sensitive) {
        return evaluate(table, features, target, null, sensitive);
    }

    /**
     * As {@link #evaluate(Table, Features, String, String...)}, with the model's target levels in code order (e.g.
     * {@code modelFile.targetLevels()}): when every target value is one of them, level 1 is the positive class.
     */
    public FairnessReport evaluate(Table table, Features features, String target, List<String> targetLevels,
                                   String... sensitive) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(features, "features");
        checkSensitive(sensitive);
        if (features.width() != model.width()) {
            throw new IllegalArgumentException("the model takes " + model.width() + " features but " + features.width()
                    + " are described");
        }
        int[] y = Labels.binary(table, target, targetLevels);
        String[][] values = new String[sensitive.length][];
        for (int a = 0; a < sensitive.length; a++) {
            values[a] = Labels.values(table, sensitive[a]);
        }
        List<List<String>> levels = new ArrayList<>();
        for (String s : sensitive) {
            levels.add(Labels.distinct(table.column(s)));
        }
        double[] outputs = model.outputs(features.encode(table));
        return group(outputs, y, List.of(sensitive), values, levels, threshold, model.scale());
    }

    // ---------------------------------------------------------------- the lower tier

    /**
     * The report of given outputs (on {@code scale}), 0/1 labels and one group label per row; groups in sorted order,
     * decisions output &gt;= threshold (e.g. for outputs computed elsewhere).
     */
    public static FairnessReport fromOutputs(double[] outputs, int[] labels, String[] groups, double threshold,
                                          OutputScale scale) {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(scale, "scale");
        Table t = Table.create("groups", StringColumn.create("group", groups));
        return group(outputs, labels, List.of("group"), new String[][] {Labels.values(t, "group")},
                List.of(Labels.distinct(t.column("group"))), threshold, scale);
    }

    /**
     * The report of given outputs and labels, grouped by the columns of {@code sensitive} (one row per output; several columns give
     * intersectional groups, every combination of their values).
     */
    public static FairnessReport fromOutputs(double[] outputs, int[] labels, Table sensitive, double threshold,
                                          OutputScale scale) {
        Objects.requireNonNull(sensitive, "sensitive");
        Objects.requireNonNull(scale, "scale");
        List<String> names = sensitive.columnNames();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the sensitive table " + sensitive.name() + " has no columns");
        }
        String[][] values = new String[names.size()][];
        List<List<String>> levels = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            values[a] = Labels.values(sensitive, names.get(a));
            levels.add(Labels.distinct(sensitive.column(names.get(a))));
        }
        return group(outputs, labels, names, values, levels, threshold, scale);
    }

    /** The 0/1 labels of a target column, as {@link #evaluate(Table, Features, String, String...)} reads them. */
    public static int[] labels(Table table, String target) {
        return Labels.binary(table, target, null);
    }

    private static FairnessReport group(double[] outputs, int[] labels, List<String> sensitive, String[][] values,
                                        List<List<String>> levels, double threshold, OutputScale scale) {
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(labels, "labels");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold is " + threshold + ": a " + scale.label()
                    + " output has no natural decision threshold, set one with withThreshold(t)");
        }
        for (int a = 0; a < values.length; a++) {
            if (values[a].length != outputs.length) {
                throw new IllegalArgumentException(outputs.length + " outputs but " + values[a].length + " values of "
                        + sensitive.get(a));
            }
        }
        // every combination of the attributes' values, the first attribute varying slowest
        List<List<String>> combos = new ArrayList<>();
        combos.add(List.of());
        for (List<String> lv : levels) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combos) {
                for (String v : lv) {
                    List<String> c = new ArrayList<>(prefix);
                    c.add(v);
                    next.add(List.copyOf(c));
                }
            }
            combos = next;
        }
        Map<List<String>, Integer> index = new HashMap<>();
        List<String> labelsOfGroups = new ArrayList<>();
        for (List<String> c : combos) {
            index.put(c, index.size());
            labelsOfGroups.add(String.join(SEPARATOR, c));
        }
        int[] groupOfRow = new int[outputs.length];
        for (int r = 0; r < outputs.length; r++) {
            List<String> key = new ArrayList<>(values.length);
            for (String[] v : values) {
                key.add(v[r]);
            }
            groupOfRow[r] = index.get(key);
        }
        return FairnessReport.compute(outputs, labels, groupOfRow, labelsOfGroups, combos, sensitive, threshold, scale);
    }

    private static void checkSensitive(String[] sensitive) {
        if (sensitive == null || sensitive.length == 0) {
            throw new IllegalArgumentException("name at least one sensitive column");
        }
        if (java.util.Arrays.stream(sensitive).distinct().count() != sensitive.length) {
            throw new IllegalArgumentException("sensitive columns " + java.util.Arrays.toString(sensitive)
                    + " name a column twice");
        }
    }
}
