package org.foolshap.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.foolshap.data.ColumnTypes;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * How a model file from another library ({@link ExternalModel}) is matched to the columns of a CSV file, and which
 * output is explained. The file's feature names are matched to the CSV's columns by name; a file without names
 * takes {@link #features()} when given, otherwise the CSV's first columns in order. Every input of such a model is a
 * number: a CSV column it uses that holds text (a categorical column) is refused, by name. Workbench model files
 * carry their own features; for them only {@link #output()} applies.
 *
 * @param features    the {@code --features a,b,c} names of a file without names, in the model's order, or empty
 * @param columns     the CSV header in order, or empty when no CSV is at hand
 * @param categorical the CSV columns that hold text
 * @param output      which output of the file is explained
 */
public record ModelInputs(List<String> features, List<String> columns, Set<String> categorical, Output output) {
    /** Which output of a model file is explained ({@code --output}). */
    public enum Output {
        /** The file's own output: the margin of XGBoost and LightGBM classifiers, an ONNX graph's probability. */
        OWN,
        /** The log-odds: the file's own when it is one, the score inside the sigmoid of a logistic ONNX ensemble. */
        MARGIN,
        /** The probability: the sigmoid of a log-odds output, explained exactly. */
        PROBABILITY
    }

    public ModelInputs {
        features = List.copyOf(features);
        columns = List.copyOf(columns);
        categorical = Set.copyOf(categorical);
        Objects.requireNonNull(output, "output");
    }

    /** No CSV, no names: a workbench model file, or an external file that names its features. */
    public static ModelInputs none() {
        return new ModelInputs(List.of(), List.of(), Set.of(), Output.OWN);
    }

    /** Matches to the columns of {@code table} (its text columns count as categorical). */
    public static ModelInputs of(Table table) {
        Objects.requireNonNull(table, "table");
        Set<String> text = new java.util.HashSet<>();
        for (var c : table.columns()) {
            if (ColumnTypes.is(c, ColumnType.STRING)) {
                text.add(c.name());
            }
        }
        return new ModelInputs(List.of(), table.columnNames(), text, Output.OWN);
    }

    public ModelInputs withFeatures(List<String> names) {
        return new ModelInputs(names, columns, categorical, output);
    }

    /** The probability when true, the file's own output when false. */
    public ModelInputs withProbability(boolean explainProbability) {
        return withOutput(explainProbability ? Output.PROBABILITY : Output.OWN);
    }

    public ModelInputs withOutput(Output output) {
        return new ModelInputs(features, columns, categorical, output);
    }
}
