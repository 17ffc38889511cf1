package org.foolshap.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * How a model file from another library ({@link ExternalModel}) is matched to the columns of a CSV file, and which
 * output is explained. The file's feature names are matched to the CSV's columns by name; a file without names
 * takes {@link #features()} when given, otherwise the CSV's first columns in order. Every input of such a model is a
 * number: a CSV column it uses that holds text (a categorical column) is refused, by name. Workbench model files
 * carry their own features; for them only {@link #probability()} applies.
 *
 * @param features    the {@code --features a,b,c} names of a file without names, in the model's order, or empty
 * @param columns     the CSV header in order, or empty when no CSV is at hand
 * @param categorical the CSV columns that hold text
 * @param probability explain the probability (sigmoid of a log-odds model's margin) instead of the margin
 */
public record ModelInputs(List<String> features, List<String> columns, Set<String> categorical, boolean probability) {
    public ModelInputs {
        features = List.copyOf(features);
        columns = List.copyOf(columns);
        categorical = Set.copyOf(categorical);
    }

    /** No CSV, no names: a workbench model file, or an external file that names its features. */
    public static ModelInputs none() {
        return new ModelInputs(List.of(), List.of(), Set.of(), false);
    }

    /** Matches to the columns of {@code table} (its text columns count as categorical). */
    public static ModelInputs of(Table table) {
        Objects.requireNonNull(table, "table");
        Set<String> text = new java.util.HashSet<>();
        for (var c : table.columns()) {
            if (c.type() == ColumnType.STRING) {
                text.add(c.name());
            }
        }
        return new ModelInputs(List.of(), table.columnNames(), text, false);
    }

    public ModelInputs withFeatures(List<String> names) {
        return new ModelInputs(names, columns, categorical, probability);
    }

    public ModelInputs withProbability(boolean explainProbability) {
        return new ModelInputs(features, columns, categorical, explainProbability);
    }
}
